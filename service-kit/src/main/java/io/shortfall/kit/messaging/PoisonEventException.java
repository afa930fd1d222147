package io.shortfall.kit.messaging;

/**
 * An event that is well-formed but can never be applied (it violates an invariant of the consumer). Thrown
 * from an effect, it sends the record to the DLQ at once instead of retrying it.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
