package io.shortfall.kit.messaging;

import io.smallrye.common.vertx.ContextLocals;

import java.util.Optional;

/**
 * What a consumer's {@link EventProcessor.Handler#prepare} learned about the whole batch (the aggregates that
 * exist already, say), for its effects to read instead of asking the database record by record. Kept on the
 * batch's own Vert.x context; {@code prepare} sets it on every attempt.
 */
public final class BatchScope {

    public static <T> void put(String key, T value) {
        ContextLocals.put(key, value);
    }

    /** What {@code prepare} put under {@code key}; empty outside a consumer's batch. */
    public static <T> Optional<T> get(String key) {
        return ContextLocals.get(key);
    }

    private BatchScope() {
    }
}
