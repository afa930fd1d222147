package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.NotificationEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The emails notification-service announced it sent ({@code EmailSent}), table {@code email_sent}. */
@ApplicationScoped
public class EmailSentRepository {

    /** Keeps {@code sent}, once each (the delivery id is the key), in one statement. */
    public Uni<Void> addAll(List<NotificationEvents.EmailSent> sent) {
        int n = sent.size();
        UUID[] deliveries = new UUID[n];
        String[] borrowers = new String[n];
        UUID[] loans = new UUID[n];
        UUID[] cases = new UUID[n];
        String[] about = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] at = new String[n];
        for (int i = 0; i < n; i++) {
            NotificationEvents.EmailSent e = sent.get(i);
            deliveries[i] = e.deliveryId();
            borrowers[i] = e.borrowerId();
            loans[i] = e.loanId();
            cases[i] = e.caseId();
            about[i] = e.aboutEventType();
            types[i] = e.notificationType();
            subjects[i] = e.subject();
            at[i] = e.sentAt().toString();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into email_sent (delivery_id, borrower_id, loan_id, case_id, about_event_type,
                                                notification_type, subject, sent_at)
                        select * from unnest(cast(:deliveries as uuid[]), cast(:borrowers as text[]),
                                             cast(:loans as uuid[]), cast(:cases as uuid[]), cast(:about as text[]),
                                             cast(:types as text[]), cast(:subjects as text[]),
                                             cast(cast(:at as text[]) as timestamptz[]))
                        on conflict (delivery_id) do nothing""")
                        .setParameter("deliveries", deliveries).setParameter("borrowers", borrowers)
                        .setParameter("loans", loans).setParameter("cases", cases).setParameter("about", about)
                        .setParameter("types", types).setParameter("subjects", subjects).setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The emails sent to {@code debtorId} about the case, or about its loan's liquidation (the events of
     * {@code aboutTheLiquidation}, which name no case), oldest first: each its sent_at, subject and notification type.
     */
    public Uni<List<Object[]>> toldInCase(String debtorId, UUID caseId, UUID loanId, List<String> aboutTheLiquidation) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select sent_at, subject, notification_type from email_sent
                        where borrower_id = :debtor
                          and (case_id = :caseId
                               or (case_id is null and loan_id = :loanId and about_event_type in (:about)))
                        order by sent_at, delivery_id""", Object[].class)
                .setParameter("debtor", debtorId)
                .setParameter("caseId", caseId).setParameter("loanId", loanId)
                .setParameter("about", aboutTheLiquidation)
                .getResultList());
    }
}
