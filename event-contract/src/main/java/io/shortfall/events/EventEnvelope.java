package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every record's value (event-contract/README.md, "The envelope"). {@code version} is the version of the event type's
 * payload schema, 1 for everything in this contract. Trace context is not part of it: a tracer puts it in the
 * record's headers ({@code traceparent}, as OpenTelemetry's Kafka instrumentation does), where it belongs to the
 * transport and not to the event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        String aggregateId,
        Instant occurredAt,
        String source,
        JsonNode payload) {

    public static final String HEADER_EVENT_ID = "eventId";
    public static final String HEADER_TYPE = "type";

    /**
     * This envelope's type among a topic's ({@code LoanEvents.Type.class}...), to switch over; empty when it is a
     * type of another topic.
     */
    public <T extends Enum<T>> Optional<T> typeIn(Class<T> topicTypes) {
        return EventTypes.typeOf(type, topicTypes);
    }
}
