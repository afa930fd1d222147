package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.outbox.OutboxRelay;
import io.shortfall.margin.domain.PriceKey;
import io.shortfall.events.EventPayload;
import io.shortfall.events.Topics;
import io.shortfall.margin.Position;
import io.shortfall.margin.repository.DecisionBatchStore;
import io.vertx.mutiny.sqlclient.Pool;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.shortfall.margin.config.MarginConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, for each asset, every open position that its latest price or the clock has reached: in batches of
 * {@code shortfall.margin.batch-size}, each its own transaction (the price row shared, the positions locked,
 * skipping those another replica or a loan event holds), until none is left. A decided position is re-keyed past
 * the price, so a batch never decides it again and a round always ends; a crash in the middle leaves the rest to
 * the next round, which decides nothing twice.
 *
 * <p>A round of an asset runs after a tick of it or a lift of its breaker has committed ({@link #decide}), at
 * start-up, and every {@code shortfall.margin.sweep-every} (margin calls falling due by the clock, and whatever a
 * replica that stopped mid-round left). Rounds of one asset never overlap in this process (one asked for while
 * one runs follows it); rounds of different assets run side by side, so an asset whose decisions fail (logged,
 * counted in {@code shortfall.margin.decisions.failed}, named by the readiness check, retried with backoff) never
 * holds up the others.
 */
@ApplicationScoped
public class AssetWatch {

    /** One asset's rounds: running, asked for again, failing. */
    private static final class Rounds {
        boolean running;
        boolean again;
        int failures;
        String lastFailure;
        Instant failingSince;
    }

    /** Why an asset's decisions are failing, for the readiness check. */
    public record Failing(String asset, Instant since, int failures, String lastFailure) {
    }

    private final Map<String, Rounds> rounds = new ConcurrentHashMap<>();
    private final Assets assets;
    private final Pool pool;
    private final DecisionBatchStore store;
    private final MarginDecisions decisions;
    private final MarginMetrics metrics;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration sweepEvery;
    private PeriodicJob sweep;

    public AssetWatch(Assets assets, Pool pool, DecisionBatchStore store, MarginDecisions decisions, MarginMetrics metrics, Outbox outbox, OutboxRelay relay, Clock clock,
                      Vertx vertx, MarginConfig config) {
        this.assets = assets;
        this.pool = pool;
        this.store = store;
        this.decisions = decisions;
        this.metrics = metrics;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.vertx = vertx;
        this.batchSize = config.margin().batchSize();
        this.sweepEvery = config.margin().sweepEvery();
    }

    /** After the consumers have started (and the boundaries backfill has run). */
    void start(@Observes @Priority(2000) StartupEvent startup) {
        sweep = PeriodicJob.every(vertx, sweepEvery, "margin sweep", () -> {
            assets.symbols().forEach(this::decide);
            return Uni.createFrom().voidItem();
        }).runNow();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (sweep != null) {
            sweep.stop();
        }
    }

    /** Decides {@code asset}'s positions at its latest price, now or right after the round under way. */
    public void decide(String asset) {
        Rounds r = rounds.computeIfAbsent(asset, a -> new Rounds());
        synchronized (r) {
            if (r.running) {
                r.again = true;
                return;
            }
            r.running = true;
            r.again = false;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> loop(asset, r, context));
    }

    private void loop(String asset, Rounds r, Context context) {
        Uni.createFrom().deferred(() -> batch(asset)).subscribe().with(decided -> {
            boolean more;
            synchronized (r) {
                if (r.failures > 0) {
                    Log.infof("decisions of %s recovered after %d failures", asset, r.failures);
                }
                r.failures = 0;
                r.lastFailure = null;
                r.failingSince = null;
                more = decided >= batchSize || r.again;
                r.again = false;
                if (!more) {
                    r.running = false;
                }
            }
            if (decided < batchSize) {
                metrics.roundFinished(asset);
            }
            if (more) {
                context.runOnContext(v -> loop(asset, r, context));
            }
        }, failure -> {
            long wait;
            synchronized (r) {
                r.failures++;
                r.lastFailure = failure.toString();
                if (r.failingSince == null) {
                    r.failingSince = clock.instant();
                }
                wait = Math.min(30_000, 200L << Math.min(r.failures - 1, 10));
            }
            metrics.decisionsFailed(asset);
            Log.errorf(failure, "decisions of %s failed (%d in a row); again in %d ms", asset, r.failures, wait);
            vertx.setTimer(wait, id -> context.runOnContext(v -> loop(asset, r, context)));
        });
    }

    /**
     * One batch of {@code asset}: decides up to {@code batch-size} positions its latest price or the clock has
     * reached, in one transaction of a few statements whatever the batch's size (read and lock, write the positions
     * back, write their events to the outbox); emits how many.
     */
    public Uni<Integer> batch(String asset) {
        Instant now = clock.instant();
        MarginOutcome outcome = new MarginOutcome();
        return pool.withTransaction(connection -> store.sharedPrice(connection, asset).chain(price -> {
                    if (price == null) {
                        return Uni.createFrom().item(0);
                    }
                    return store.tripped(connection, asset).chain(tripped -> {
                        long p = PriceKey.of(price.price);
                        boolean release = !tripped && !decisions.engine().isStale(price.observedAt, now);
                        return store.due(connection, asset, p, price.observedAt, now, release, batchSize)
                                .chain(due -> {
                                    List<EventPayload> events = new ArrayList<>();
                                    for (Position position : due) {
                                        events.addAll(decisions.assess(position, price, tripped, now, outcome));
                                    }
                                    return store.save(connection, due)
                                            .chain(() -> outbox.publish(connection, Topics.MARGIN_EVENTS, events))
                                            .chain(() -> due.size() < batchSize
                                                    ? store.decidedThrough(connection, asset, price.observedAt, now)
                                                    : Uni.createFrom().voidItem())
                                            .replaceWith(due.size());
                                });
                    });
                }))
                .invoke(decided -> {
                    if (decided > 0) {
                        metrics.count(outcome);
                        relay.wake();
                        Log.debugf("%s: %d positions decided", asset, decided);
                    }
                });
    }

    /** The assets whose decisions are failing now. */
    public Map<String, Failing> failing() {
        Map<String, Failing> failing = new java.util.TreeMap<>();
        rounds.forEach((asset, r) -> {
            synchronized (r) {
                if (r.failures > 0) {
                    failing.put(asset, new Failing(asset, r.failingSince, r.failures, r.lastFailure));
                }
            }
        });
        return failing;
    }
}
