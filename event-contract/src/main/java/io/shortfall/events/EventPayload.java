package io.shortfall.events;

/**
 * The payload of one event type. The type's name on the wire is the record's simple name
 * ({@code LoanOpened}), and {@link EventTypes} maps it back.
 */
public interface EventPayload {

    /** The aggregate this event belongs to: the Kafka record key. */
    String aggregateId();

    default String type() {
        return getClass().getSimpleName();
    }
}
