package io.shortfall.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.Recipient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, String> {

    /**
     * Records {@code contact} as of {@code occurredAt}, unless a contact from a later event is already known:
     * the latest wins, whatever order the events arrive in.
     */
    public Uni<Void> upsert(LoanEvents.BorrowerContact contact, Instant occurredAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into contact (borrower_id, email, name, locale, time_zone, updated_at)
                        values (:borrowerId, :email, :name, :locale, :timeZone, :at)
                        on conflict (borrower_id) do update
                        set email = excluded.email, name = excluded.name, locale = excluded.locale,
                            time_zone = excluded.time_zone, updated_at = excluded.updated_at
                        where contact.updated_at <= excluded.updated_at""")
                .setParameter("borrowerId", contact.borrowerId())
                .setParameter("email", blankToNull(contact.email()))
                .setParameter("name", contact.name())
                .setParameter("locale", contact.locale())
                .setParameter("timeZone", contact.timeZone())
                .setParameter("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid());
    }

    public Uni<List<Recipient>> byIds(List<String> borrowerIds) {
        return borrowerIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("borrowerId in ?1", borrowerIds);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
