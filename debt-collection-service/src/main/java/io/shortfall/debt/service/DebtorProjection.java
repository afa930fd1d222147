package io.shortfall.debt.service;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
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
        Map<String, Object> values = new HashMap<>();
        values.put("zone", zone.getId());
        values.put("name", contact.name() == null || contact.name().isBlank() ? null : contact.name().strip());
        return upsert(contact.borrowerId(), """
                insert into debtor (id, time_zone, name, updated_at) values (:id, :zone, :name, :at)
                on conflict (id) do update set time_zone = excluded.time_zone,
                                               name = coalesce(excluded.name, debtor.name),
                                               updated_at = excluded.updated_at""", values);
    }

    /** The debtor chose a zone (or none: null) in their preferences. */
    public Uni<Void> onPreferences(NotificationEvents.PreferencesChanged changed) {
        if (changed.borrowerId() == null || changed.borrowerId().isBlank()) {
            throw new PoisonEventException("PreferencesChanged without borrowerId");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("zone", config.defaultTimeZone().getId());
        values.put("chosen", changed.timeZone() == null || changed.timeZone().isBlank() ? null
                : parse(changed.borrowerId(), changed.timeZone()).getId());
        return upsert(changed.borrowerId(), """
                insert into debtor (id, time_zone, chosen_time_zone, updated_at) values (:id, :zone, :chosen, :at)
                on conflict (id) do update set chosen_time_zone = excluded.chosen_time_zone,
                                               updated_at = excluded.updated_at""", values);
    }

    /**
     * Writes a debtor's row by an upsert: the contact (loan.events) and the chosen zone (notification.events) come
     * through two consumers, and either may create the first row while the other does; a debtor already in the
     * session is read again so what follows sees the change.
     */
    private Uni<Void> upsert(String debtorId, String sql, Map<String, Object> values) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter("id", debtorId)
                    .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            values.forEach(query::setParameter);
            return query.executeUpdate()
                    .chain(() -> session.find(Debtor.class, debtorId))
                    .chain(debtor -> debtor == null ? Uni.createFrom().voidItem() : session.refresh(debtor));
        }).replaceWithVoid();
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
