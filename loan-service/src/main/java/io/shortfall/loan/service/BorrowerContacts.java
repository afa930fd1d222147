package io.shortfall.loan.service;

import io.shortfall.events.LoanEvents;
import io.shortfall.loan.BorrowerContactRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Objects;

/**
 * {@code BorrowerContact} (EVENTS.md: "on opening and on change"): how notification-service reaches a
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

    private Uni<Void> remember(BorrowerContactRecord known, Contact contact) {
        BorrowerContactRecord record = known != null ? known : new BorrowerContactRecord();
        record.borrowerId = contact.borrowerId();
        record.email = contact.email();
        record.name = contact.name();
        record.locale = contact.locale();
        record.timeZone = contact.timeZone();
        record.updatedAt = clock.instant();
        Uni<?> saved = known != null ? Uni.createFrom().item(record) : record.persist();
        return saved.chain(() -> events.publish(new LoanEvents.BorrowerContact(contact.borrowerId(), contact.email(),
                contact.name(), contact.locale(), contact.timeZone())));
    }

    private static boolean same(BorrowerContactRecord known, Contact contact) {
        return Objects.equals(known.email, contact.email()) && Objects.equals(known.name, contact.name())
                && Objects.equals(known.locale, contact.locale()) && Objects.equals(known.timeZone, contact.timeZone());
    }
}
