package io.shortfall.debt.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.rest.DebtCaseView;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The emails notification-service sent ({@code EmailSent}), kept so a case's timeline shows each email about it:
 * those naming the case, and those about the liquidation that opened it (its receipt, the negative balance), which
 * name only the loan. Read with the case, so an email announced before its case was opened still shows once it is.
 * A batch's emails are written together, once each (the delivery id is the key).
 */
@ApplicationScoped
public class EmailProjection {

    public static final String KIND = "EMAIL_SENT";
    public static final String BY = "notification-service";
    /** Emails about a loan that belong to the case its liquidation opened: by the wire name of the event they told. */
    static final List<String> ABOUT_THE_LIQUIDATION = Arrays.stream(LiquidationEvents.Type.values())
            .filter(EmailProjection::aboutTheLiquidation).map(EventTypes::nameOf).toList();
    private static final String GATHERED = EmailProjection.class.getName() + ".gathered";

    /** Whether an email about an event of this type tells of the liquidation that opened a case. */
    private static boolean aboutTheLiquidation(LiquidationEvents.Type type) {
        return switch (type) {
            case LIQUIDATION_COMPLETED, NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN -> true;
            case PLEDGE_SOLD -> false;
        };
    }

    /** Starts gathering a consumer batch's emails. */
    public void gather() {
        BatchScope.put(GATHERED, new ArrayList<NotificationEvents.EmailSent>());
    }

    public Uni<Void> onSent(NotificationEvents.EmailSent sent) {
        if (sent.deliveryId() == null || sent.borrowerId() == null || sent.notificationType() == null
                || sent.sentAt() == null) {
            throw new PoisonEventException("EmailSent without deliveryId, borrowerId, notificationType or sentAt");
        }
        var gathered = BatchScope.<List<NotificationEvents.EmailSent>>get(GATHERED);
        if (gathered.isPresent()) {
            gathered.get().add(sent);
            return Uni.createFrom().voidItem();
        }
        return write(List.of(sent));
    }

    /** Writes the emails gathered since {@link #gather()}, in one statement. */
    public Uni<Void> writeGathered() {
        List<NotificationEvents.EmailSent> gathered =
                BatchScope.<List<NotificationEvents.EmailSent>>get(GATHERED).orElse(List.of());
        BatchScope.put(GATHERED, new ArrayList<NotificationEvents.EmailSent>());
        return write(gathered);
    }

    private static Uni<Void> write(List<NotificationEvents.EmailSent> sent) {
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
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
     * The emails of {@code debtCase}'s timeline, oldest first: only those sent to its debtor (a pledge someone
     * offered to a case not theirs is answered to them, naming that case, and is none of its debtor's business).
     */
    public Uni<List<DebtCaseView.TimelineEntry>> timelineOf(DebtCase debtCase) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select sent_at, subject, notification_type from email_sent
                        where borrower_id = :debtor
                          and (case_id = :caseId
                               or (case_id is null and loan_id = :loanId and about_event_type in (:about)))
                        order by sent_at, delivery_id""", Object[].class)
                        .setParameter("debtor", debtCase.debtorId)
                        .setParameter("caseId", debtCase.id).setParameter("loanId", debtCase.loanId)
                        .setParameter("about", ABOUT_THE_LIQUIDATION)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new DebtCaseView.TimelineEntry(instant(row[0]), KIND, BY,
                        "Email sent: " + (row[1] != null ? row[1] : row[2]))).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("sent_at read as " + value.getClass());
    }
}
