package io.shortfall.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/** Writing and reading envelopes exactly as the contract says. Thread-safe. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** The settings every Shortfall mapper shares: ISO instants, decimals as strings, tolerant of added fields. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(MoneyJson.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new envelope around {@code payload}, with a fresh event id. */
    public static EventEnvelope envelope(EventPayload payload, String source, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), payload.type(), 1, payload.aggregateId(), occurredAt, source,
                MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope and checks it is one this contract knows.
     *
     * @throws MalformedEventException for anything that is not a well-formed envelope of a known type
     */
    public static EventEnvelope read(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not an event envelope: " + getOriginalMessageOf(e), e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
            throw new MalformedEventException("envelope lacks eventId, type or payload");
        }
        if (!EventTypes.isKnown(envelope.type())) {
            throw new MalformedEventException("unknown event type " + envelope.type());
        }
        return envelope;
    }

    /** The payload of {@code envelope} as its contract record. */
    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> T payload(EventEnvelope envelope) {
        Class<? extends EventPayload> type = EventTypes.byName(envelope.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type()));
        return (T) payload(envelope, type);
    }

    /** The payload of {@code envelope} as {@code type}, which must be its type. */
    public static <T extends EventPayload> T payload(EventEnvelope envelope, Class<T> type) {
        if (!EventTypes.nameOf(type).equals(envelope.type())) {
            throw new IllegalArgumentException(envelope.type() + " is not a " + EventTypes.nameOf(type));
        }
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("bad " + envelope.type() + " payload: " + e.getMessage(), e);
        }
    }

    private EventJson() {
    }

    /** Jackson's message without its location noise where available. */
    private static String getOriginalMessageOf(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
