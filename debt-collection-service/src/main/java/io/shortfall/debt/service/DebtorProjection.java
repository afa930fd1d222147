package io.shortfall.debt.service;

import io.quarkus.logging.Log;
import io.shortfall.debt.Debtor;
import io.shortfall.debt.config.DebtConfig;
import io.shortfall.debt.repository.DebtorRepository;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Each debtor's zone of record, the one notification-service words their emails in too: the zone they chose in
 * their preferences ({@code PreferencesChanged}), else the one their identity provider gives (loan-service's
 * {@code BorrowerContact}, sent on opening and on every change), else the default ({@code UTC}). An unknown zone
 * counts as absent.
 */
@ApplicationScoped
public class DebtorProjection {

    private final DebtorRepository debtors;
    private final DebtConfig config;
    private final Clock clock;

    public DebtorProjection(DebtorRepository debtors, DebtConfig config, Clock clock) {
        this.debtors = debtors;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> onContact(LoanEvents.BorrowerContact contact) {
        if (contact.borrowerId() == null || contact.borrowerId().isBlank()) {
            throw new PoisonEventException("BorrowerContact without borrowerId");
        }
        ZoneId zone = parse(contact.borrowerId(), contact.timeZone());
        return debtors.findById(contact.borrowerId()).chain(known -> {
            if (known != null) {
                known.timeZone = zone.getId();
                known.updatedAt = clock.instant();
                return Uni.createFrom().voidItem();
            }
            Debtor debtor = new Debtor();
            debtor.id = contact.borrowerId();
            debtor.timeZone = zone.getId();
            debtor.updatedAt = clock.instant();
            return debtor.persist().replaceWithVoid();
        });
    }

    /** The debtor chose a zone (or none: null) in their preferences. */
    public Uni<Void> onPreferences(NotificationEvents.PreferencesChanged changed) {
        if (changed.borrowerId() == null || changed.borrowerId().isBlank()) {
            throw new PoisonEventException("PreferencesChanged without borrowerId");
        }
        String chosen = changed.timeZone() == null || changed.timeZone().isBlank() ? null
                : parse(changed.borrowerId(), changed.timeZone()).getId();
        return debtors.findById(changed.borrowerId()).chain(known -> {
            Debtor debtor = known != null ? known : new Debtor();
            debtor.chosenTimeZone = chosen;
            debtor.updatedAt = clock.instant();
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            debtor.id = changed.borrowerId();
            debtor.timeZone = config.defaultTimeZone().getId();
            return debtor.persist().replaceWithVoid();
        });
    }

    /** Loads these debtors into the session at once (a batch's), so {@link #zoneOf} finds them there. */
    public Uni<Void> load(java.util.List<String> debtorIds) {
        return debtorIds.isEmpty() ? Uni.createFrom().voidItem()
                : debtors.list("id in ?1", debtorIds).replaceWithVoid();
    }

    /** The debtor's zone of record, or the default when none is known. */
    public Uni<ZoneId> zoneOf(String debtorId) {
        return debtors.findById(debtorId)
                .map(debtor -> debtor == null ? config.defaultTimeZone() : ZoneId.of(debtor.zone()));
    }

    private ZoneId parse(String borrowerId, String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return config.defaultTimeZone();
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            Log.warnf("borrower %s: unknown time zone '%s', using %s", borrowerId, timeZone, config.defaultTimeZone());
            return config.defaultTimeZone();
        }
    }
}
