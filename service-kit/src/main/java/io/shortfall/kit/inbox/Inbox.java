package io.shortfall.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The processed-event table: remembers, in the caller's transaction, which events a consumer has applied. */
@ApplicationScoped
public class Inbox {

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} applies {@code envelope} now. Emits {@code false} if it already had: the
     * caller must then skip the effect. Must run inside the transaction of the effect.
     */
    public Uni<Boolean> firstDelivery(String consumer, EventEnvelope envelope) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (consumer, event_id, type, processed_at)
                        values (:consumer, :eventId, :type, :at)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", envelope.eventId())
                .setParameter("type", envelope.type())
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
