package io.shortfall.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The processed-event table: remembers, in the caller's transaction, which events a consumer has applied. */
@ApplicationScoped
public class Inbox {

    /** One event to record: its id and type. */
    public record Entry(UUID eventId, String type) {
    }

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies these events now, in one statement; emits the ids it had not applied
     * before (the caller applies those and skips the others). An id given twice is new once. Must run inside the
     * transaction of the effects.
     */
    public Uni<Set<UUID>> firstDeliveries(String consumer, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        UUID[] ids = entries.stream().map(Entry::eventId).toArray(UUID[]::new);
        String[] types = entries.stream().map(Entry::type).toArray(String[]::new);
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // One text whatever the number of events, so the database and Hibernate parse and plan it once.
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT, UUID.class)
                        .setParameter("c", consumer)
                        .setParameter("ids", ids)
                        .setParameter("types", types)
                        .setParameter("at", at)
                        .getResultList())
                .map(HashSet::new);
    }

    private static final String INSERT = """
            insert into processed_event (consumer, event_id, type, processed_at)
            select :c, e, t, :at from unnest(cast(:ids as uuid[]), cast(:types as text[])) as u(e, t)
            on conflict do nothing
            returning event_id""";
}
