package io.shortfall.events;

/** A record that no consumer can ever process: it belongs in the topic's DLQ, with this message as the reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
