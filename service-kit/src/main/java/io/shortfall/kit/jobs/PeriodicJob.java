package io.shortfall.kit.jobs;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A reactive round of work run every {@code every} on a Vert.x timer (the Quarkus scheduler ticks once a
 * second at best): each round gets a fresh, safe duplicated context, so Hibernate Reactive Panache may be
 * used in it, and a round never overlaps the previous one. A round asked for while one runs ({@link #runNow()})
 * runs right after it, so no request is lost. A round that reports more work ({@code true}) is followed at once
 * by another. A failed round is logged and the next one runs as usual.
 */
public final class PeriodicJob {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<?>> round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final long timerId;
    private volatile boolean stopped;

    private PeriodicJob(Vertx vertx, Duration every, String name, Supplier<Uni<?>> round) {
        this.vertx = vertx;
        this.name = name;
        this.round = round;
        this.timerId = vertx.setPeriodic(every.toMillis(), id -> tick());
    }

    /**
     * Runs {@code round} every {@code every}. A round whose item is {@code Boolean.TRUE} (more is waiting, such
     * as a full batch) is followed by the next one at once.
     */
    public static PeriodicJob every(Vertx vertx, Duration every, String name, Supplier<Uni<?>> round) {
        return new PeriodicJob(vertx, every, name, round);
    }

    /** Runs a round now, besides the timer's; if one is running, another follows it. */
    public PeriodicJob runNow() {
        if (running.get()) {
            again.set(true);
        } else {
            vertx.runOnContext(ignored -> tick());
        }
        return this;
    }

    public void stop() {
        stopped = true;
        vertx.cancelTimer(timerId);
    }

    private void tick() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(round)
                .subscribe().with(
                        more -> finished(Boolean.TRUE.equals(more)),
                        failure -> {
                            Log.warnf("%s: %s (will run again)", name, failure.toString());
                            finished(false);
                        }));
    }

    private void finished(boolean more) {
        running.set(false);
        if ((more || again.getAndSet(false)) && !stopped) {
            vertx.runOnContext(ignored -> tick());
        }
    }
}
