package io.shortfall.kit.outbox;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * Records events in the outbox table. Call it inside the transaction that makes the state change, so the
 * change and its events commit together or not at all; {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final Clock clock;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Adds {@code payload} to the outbox for {@code topic}, keyed by its aggregate id. */
    public Uni<EventEnvelope> publish(String topic, EventPayload payload) {
        EventEnvelope envelope = EventJson.envelope(payload, source, clock.instant());
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.messageKey = envelope.aggregateId();
        message.type = envelope.type();
        message.envelope = EventJson.write(envelope);
        message.createdAt = envelope.occurredAt();
        return message.persist().replaceWith(envelope);
    }
}
