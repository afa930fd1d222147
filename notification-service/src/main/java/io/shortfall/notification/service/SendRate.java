package io.shortfall.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * At most {@code perSecond} permits a second, evenly spaced (an SMTP provider's rate limit); no limit at 0.
 * A permit is given on the caller's Vert.x context.
 */
final class SendRate {

    private final Vertx vertx;
    private final long intervalNanos;
    private long next;

    SendRate(Vertx vertx, double perSecond) {
        this.vertx = vertx;
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    Uni<Void> permit() {
        if (intervalNanos == 0) {
            return Uni.createFrom().voidItem();
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + intervalNanos;
            wait = at - now;
        }
        if (wait < 1_000_000) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        long millis = wait / 1_000_000;
        return Uni.createFrom().emitter(e -> vertx.setTimer(millis, id -> {
            if (context != null) {
                context.runOnContext(v -> e.complete(null));
            } else {
                e.complete(null);
            }
        }));
    }
}
