package io.shortfall.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.kit.sql.Chunks;
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
     * Records that {@code consumer} applies these events now, in a few multi-row statements; emits the ids it had
     * not applied before (the caller applies those and skips the others). An id given twice is new once. Must run
     * inside the transaction of the effects.
     */
    public Uni<Set<UUID>> firstDeliveries(String consumer, List<Entry> entries) {
        Set<UUID> first = new HashSet<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (List<Entry> chunk : Chunks.of(entries)) {
            all = all.chain(() -> insert(consumer, chunk).invoke(first::addAll).replaceWithVoid());
        }
        return all.replaceWith(first);
    }

    private Uni<List<UUID>> insert(String consumer, List<Entry> chunk) {
        if (chunk.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder(
                "with ins as (insert into processed_event (consumer, event_id, type, processed_at) values ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:c, :e").append(i).append(", :t").append(i).append(", :at)");
        }
        sql.append(" on conflict do nothing returning event_id) select event_id from ins");
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class)
                    .setParameter("c", consumer)
                    .setParameter("at", at);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter("e" + i, chunk.get(i).eventId());
                query.setParameter("t" + i, chunk.get(i).type());
            }
            return query.getResultList();
        });
    }
}
