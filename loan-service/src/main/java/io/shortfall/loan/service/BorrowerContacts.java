package io.shortfall.loan.service;

import io.shortfall.events.LoanEvents;
import io.shortfall.loan.BorrowerContactRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * {@code BorrowerContact} (sent on opening and on change): how notification-service reaches a
 * borrower, from the claims of their token. Sent with every loan opened, and with any other change a
 * borrower makes when their claims differ from what was last sent. Runs in the caller's transaction.
 */
@ApplicationScoped
public class BorrowerContacts {

    private final LoanEventLog events;
    private final Clock clock;

    public BorrowerContacts(LoanEventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public record Contact(String borrowerId, String email, String name, String locale, String timeZone) {
    }

    /** Sends the contact whatever was sent before (a loan opens). */
    public Uni<Void> send(Contact contact) {
        return BorrowerContactRecord.<BorrowerContactRecord>findById(contact.borrowerId())
                .chain(known -> remember(known, contact));
    }

    /** Sends the contact only if it differs from what was last sent (or nothing was). */
    public Uni<Void> refresh(Contact contact) {
        return BorrowerContactRecord.<BorrowerContactRecord>findById(contact.borrowerId())
                .chain(known -> known != null && same(known, contact) ? Uni.createFrom().voidItem()
                        : remember(known, contact));
    }

    /**
     * Records what is sent, as an upsert: a borrower's first requests may run at the same moment (two loans opened
     * at once), and neither may fail because the other inserted the row first; the last one written stays.
     */
    private Uni<Void> remember(BorrowerContactRecord known, Contact contact) {
        Uni<?> saved;
        if (known != null) {
            known.email = contact.email();
            known.name = contact.name();
            known.locale = contact.locale();
            known.timeZone = contact.timeZone();
            known.updatedAt = clock.instant();
            saved = Uni.createFrom().item(known);
        } else {
            saved = Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into borrower_contact (borrower_id, email, name, locale, time_zone, updated_at)
                            values (:borrower, :email, :name, :locale, :zone, :at)
                            on conflict (borrower_id) do update set email = excluded.email, name = excluded.name,
                                locale = excluded.locale, time_zone = excluded.time_zone,
                                updated_at = excluded.updated_at""")
                    .setParameter("borrower", contact.borrowerId())
                    .setParameter("email", contact.email())
                    .setParameter("name", contact.name())
                    .setParameter("locale", contact.locale())
                    .setParameter("zone", contact.timeZone())
                    .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate());
        }
        return saved.chain(() -> events.publish(new LoanEvents.BorrowerContact(contact.borrowerId(), contact.email(),
                contact.name(), contact.locale(), contact.timeZone())));
    }

    private static boolean same(BorrowerContactRecord known, Contact contact) {
        return Objects.equals(known.email, contact.email()) && Objects.equals(known.name, contact.name())
                && Objects.equals(known.locale, contact.locale()) && Objects.equals(known.timeZone, contact.timeZone());
    }
}
