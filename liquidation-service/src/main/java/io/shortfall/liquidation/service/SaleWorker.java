package io.shortfall.liquidation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.domain.Admission;
import io.shortfall.liquidation.domain.LiquidationIds;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.domain.Slices;
import io.shortfall.liquidation.repository.FillRepository;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.venue.ExecutionVenue;
import io.shortfall.liquidation.venue.VenueException;
import io.shortfall.liquidation.venue.VenueFill;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sells the recorded liquidations, outside the consumer's transaction, every
 * {@code shortfall.liquidation.worker-every} (and right after a lock is consumed), and at startup: what a stopped
 * process left half sold is resumed from the database.
 *
 * <ol>
 *   <li>Admission: per asset, QUEUED liquidations start (SELLING) worst LTV first while the debt in liquidation
 *   (SELLING and STUCK) stays within the asset's cap ({@link Admission}).</li>
 *   <li>Each SELLING liquidation that is due sends its slices not yet filled, in order, each under its client
 *   order id {@code <liquidationId>-<n>}; each fill is recorded in its own transaction. A slice sent again (after
 *   a timeout, a failure or a restart) carries the same order id, and the venue answers it with the fill it
 *   already made: a slice is never sold twice.</li>
 *   <li>A venue failure or a call unanswered after {@code venue-timeout} stops that liquidation until
 *   {@code retry-backoff × 2^(failures − 1)} (at most {@code max-backoff}); after {@code max-attempts}
 *   consecutive failures it is STUCK, listed for operators ({@code GET /api/queue}), who may retry it.</li>
 *   <li>Every slice filled: {@link LiquidationService#complete} settles it, once.</li>
 * </ol>
 */
@ApplicationScoped
public class SaleWorker {

    private final LiquidationRepository liquidations;
    private final FillRepository fills;
    private final LiquidationService service;
    private final ExecutionVenue venue;
    private final LiquidationConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private volatile boolean paused;
    private PeriodicJob job;

    public SaleWorker(LiquidationRepository liquidations, FillRepository fills, LiquidationService service,
                      ExecutionVenue venue, LiquidationConfig config, Clock clock, Vertx vertx) {
        this.liquidations = liquidations;
        this.fills = fills;
        this.service = service;
        this.venue = venue;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, config.liquidation().workerEvery(), "liquidation sales", this::round).runNow();
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** A round now (unless one is running): after a lock was consumed. */
    public void kick() {
        if (job != null && !paused) {
            job.runNow();
        }
    }

    /** Stops selling, as a stopped process would (tests: a restart mid-sale). */
    public void pause() {
        paused = true;
    }

    /** Sells again, as a process starting does: resumes from the database. */
    public void resume() {
        paused = false;
        kick();
    }

    /** One round: admit under the caps, then sell what is due. */
    public Uni<Void> round() {
        if (paused) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        return admit().chain(() -> sellDue(context));
    }

    /** Starts the queued liquidations the caps allow, worst LTV first. */
    public Uni<Void> admit() {
        return Panache.withTransaction(() -> liquidations.lockAdmissions().chain(() -> liquidations.inStatus(
                List.of(LiquidationStatus.QUEUED, LiquidationStatus.SELLING, LiquidationStatus.STUCK)))
                .invoke(all -> {
                    Instant now = clock.instant();
                    Map<String, List<Liquidation>> byAsset = all.stream()
                            .collect(Collectors.groupingBy(l -> l.collateralAsset));
                    byAsset.forEach((asset, ofAsset) -> {
                        BigDecimal inLiquidation = inLiquidation(ofAsset);
                        Map<UUID, Liquidation> queued = ofAsset.stream()
                                .filter(l -> l.status == LiquidationStatus.QUEUED)
                                .collect(Collectors.toMap(l -> l.id, l -> l));
                        if (queued.isEmpty()) {
                            return;
                        }
                        for (Admission.Waiting started : Admission.admit(queued.values().stream()
                                .map(SaleWorker::waiting).toList(), inLiquidation, cap(asset))) {
                            Liquidation l = queued.get(started.id());
                            l.status = LiquidationStatus.SELLING;
                            l.nextAttemptAt = now;
                            l.updatedAt = now;
                            Log.infof("liquidation %s of loan %s starts selling %s %s", l.id, l.loanId,
                                    l.collateralToSell, asset);
                        }
                    });
                })).replaceWithVoid();
    }

    /**
     * The debt in liquidation: SELLING and STUCK (a stuck sale has not given its debt back: part of its collateral
     * may be sold, the rest will be once an operator retries it; MakerDAO's {@code dirt} likewise).
     */
    public static BigDecimal inLiquidation(List<Liquidation> ofAsset) {
        return ofAsset.stream()
                .filter(l -> l.status == LiquidationStatus.SELLING || l.status == LiquidationStatus.STUCK)
                .map(l -> l.debt).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Admission.Waiting waiting(Liquidation l) {
        return new Admission.Waiting(l.id, l.ltv, l.startedAt, l.debt);
    }

    /** The asset's cap on debt in liquidation at once. */
    public BigDecimal cap(String asset) {
        return config.liquidation().debtCap().getOrDefault(asset, config.liquidation().defaultDebtCap());
    }

    /**
     * Each due liquidation in a session of its own, so one that fails (a broken invariant at settlement, the
     * database) does not take the others down: its failure counts as an attempt, like the venue's.
     */
    private Uni<Void> sellDue(Context context) {
        return Panache.withSession(() -> liquidations.dueForSale(clock.instant()))
                .map(due -> due.stream().map(l -> l.id).toList())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withSession(() -> claimed(id, context))
                                .onFailure().recoverWithUni(failure -> {
                                    Log.errorf(failure, "liquidation %s: the sale failed", id);
                                    return Panache.withSession(() -> failed(id, "sale", failure))
                                            .onFailure().recoverWithNull().replaceWithVoid();
                                }))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Sells it if this worker claims it first (for a lease long enough for every slice to time out once). */
    private Uni<Void> claimed(UUID id, Context context) {
        Instant now = clock.instant();
        Duration lease = config.liquidation().venueTimeout().multipliedBy(config.liquidation().slices() + 2L);
        return Panache.withTransaction(() -> liquidations.claim(id, now, now.plus(lease)))
                .chain(mine -> mine ? sell(id, context) : Uni.createFrom().voidItem());
    }

    private Uni<Void> sell(UUID id, Context context) {
        return Liquidation.<Liquidation>findById(id).chain(liquidation -> liquidation == null
                || liquidation.status != LiquidationStatus.SELLING ? Uni.createFrom().voidItem()
                : sell(liquidation, context));
    }

    private Uni<Void> sell(Liquidation liquidation, Context context) {
        return fills.of(List.of(liquidation.id)).chain(done -> {
            Set<Integer> filled = done.stream().map(f -> f.n).collect(Collectors.toSet());
            List<BigDecimal> slices = Slices.of(liquidation.collateralToSell, liquidation.sliceCount,
                    config.liquidation().assetScale());
            return sendFrom(liquidation, slices, filled, 1, context);
        });
    }

    private Uni<Void> sendFrom(Liquidation l, List<BigDecimal> slices, Set<Integer> filled, int n, Context context) {
        if (n > slices.size()) {
            return Panache.withTransaction(() -> service.complete(l.id));
        }
        if (filled.contains(n)) {
            return sendFrom(l, slices, filled, n + 1, context);
        }
        String orderId = LiquidationIds.clientOrderId(l.id, n);
        Duration timeout = config.liquidation().venueTimeout();
        return Uni.createFrom().deferred(() -> venue.sell(l.collateralAsset, slices.get(n - 1), orderId,
                        l.referencePrice))
                .ifNoItem().after(timeout).failWith(() -> new VenueException("order " + orderId
                        + " not answered in " + timeout))
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .onItemOrFailure().transformToUni((fill, failure) -> failure != null
                        ? failed(l.id, orderId, failure)
                        : recordFill(l, n, slices.get(n - 1), fill)
                                .chain(() -> sendFrom(l, slices, filled, n + 1, context)));
    }

    private Uni<Void> recordFill(Liquidation l, int n, BigDecimal quantity, VenueFill fill) {
        if (fill.quantity().compareTo(quantity) != 0) {
            return failed(l.id, fill.clientOrderId(), new VenueException("order " + fill.clientOrderId()
                    + " filled " + fill.quantity() + " of " + quantity));
        }
        var row = new LiquidationFill();
        row.id = UUID.randomUUID();
        row.liquidationId = l.id;
        row.n = n;
        row.clientOrderId = fill.clientOrderId();
        row.at = fill.at();
        row.quantity = fill.quantity();
        row.price = fill.price();
        row.referencePrice = l.referencePrice;
        return Panache.withTransaction(() -> row.persist()
                .chain(() -> liquidations.locked(l.id))
                .invoke(current -> {
                    current.attempts = 0;
                    current.lastError = null;
                    current.updatedAt = clock.instant();
                })).replaceWithVoid();
    }

    private Uni<Void> failed(UUID id, String orderId, Throwable failure) {
        return Panache.withTransaction(() -> liquidations.locked(id).invoke(l -> {
            if (l == null || l.status != LiquidationStatus.SELLING) {
                return;
            }
            Instant now = clock.instant();
            l.attempts++;
            l.lastError = orderId + ": " + failure.getMessage();
            l.updatedAt = now;
            if (l.attempts >= config.liquidation().maxAttempts()) {
                l.status = LiquidationStatus.STUCK;
                l.nextAttemptAt = null;
                Log.errorf("liquidation %s of loan %s is STUCK after %d failures: %s", l.id, l.loanId, l.attempts,
                        l.lastError);
            } else {
                l.nextAttemptAt = now.plus(backoff(l.attempts));
                Log.warnf("liquidation %s: %s; retry %d at %s", l.id, l.lastError, l.attempts, l.nextAttemptAt);
            }
        })).replaceWithVoid();
    }

    /** The wait after {@code failures} consecutive failures: doubled each time, capped. */
    public Duration backoff(int failures) {
        Duration wait = config.liquidation().retryBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(config.liquidation().maxBackoff()) > 0 ? config.liquidation().maxBackoff() : wait;
    }

    /** An operator's retry of a STUCK liquidation: SELLING again, due now, under the same client order ids. */
    public Uni<Liquidation> retry(UUID id) {
        return Panache.withTransaction(() -> liquidations.locked(id).invoke(l -> {
            if (l != null && l.status == LiquidationStatus.STUCK) {
                l.status = LiquidationStatus.SELLING;
                l.attempts = 0;
                l.nextAttemptAt = clock.instant();
                l.updatedAt = l.nextAttemptAt;
                Log.infof("liquidation %s retried by an operator", id);
            }
        }));
    }
}
