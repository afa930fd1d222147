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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each debtor's zone of record, the one notification-service words their emails in too: the zone they chose in
 * their preferences ({@code PreferencesChanged}), else the one their identity provider gives (loan-service's
 * {@code BorrowerContact}, sent on opening and on every change), else the default ({@code UTC}). An unknown zone
 * counts as absent. And the name their identity provider gives, which agents see.
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
        String name = contact.name() == null || contact.name().isBlank() ? null : contact.name().strip();
        return debtors.recordContact(contact.borrowerId(), zone.getId(), name, clock.instant());
    }

    /** The debtor chose a zone (or none: null) in their preferences. */
    public Uni<Void> onPreferences(NotificationEvents.PreferencesChanged changed) {
        if (changed.borrowerId() == null || changed.borrowerId().isBlank()) {
            throw new PoisonEventException("PreferencesChanged without borrowerId");
        }
        String chosen = changed.timeZone() == null || changed.timeZone().isBlank() ? null
                : parse(changed.borrowerId(), changed.timeZone()).getId();
        return debtors.recordChosenZone(changed.borrowerId(), config.defaultTimeZone().getId(), chosen,
                clock.instant());
    }

    /** Loads these debtors into the session at once (a batch's), so {@link #zoneOf} finds them there. */
    public Uni<Void> load(List<String> debtorIds) {
        return debtorIds.isEmpty() ? Uni.createFrom().voidItem()
                : debtors.list("id in ?1", debtorIds).replaceWithVoid();
    }

    /** The debtor's zone of record, or the default when none is known. */
    public Uni<ZoneId> zoneOf(String debtorId) {
        return debtors.findById(debtorId).map(this::zoneOf);
    }

    /** What this service knows of the debtor; null when nothing yet. */
    public Uni<Debtor> find(String debtorId) {
        return debtors.findById(debtorId);
    }

    /** The zone of record of a debtor as found ({@code null}: none known, the default). */
    public ZoneId zoneOf(Debtor debtor) {
        return debtor == null ? config.defaultTimeZone() : ZoneId.of(debtor.zone());
    }

    /** The debtor's name, or null when no contact has named them. */
    public Uni<String> nameOf(String debtorId) {
        return debtors.findById(debtorId).map(debtor -> debtor == null ? null : debtor.name);
    }

    /** The names of these debtors that are known (a page of the queue's), by id. */
    public Uni<Map<String, String>> namesOf(Collection<String> debtorIds) {
        return debtorIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : debtors.list("id in ?1", List.copyOf(new HashSet<>(debtorIds))).map(found -> found.stream()
                        .filter(d -> d.name != null).collect(Collectors.toMap(d -> d.id, d -> d.name)));
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
