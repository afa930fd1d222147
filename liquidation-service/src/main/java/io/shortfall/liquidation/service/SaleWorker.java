package io.shortfall.liquidation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.outbox.OutboxRelay;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sells the recorded liquidations, outside the consumer's transaction, every
 * {@code shortfall.liquidation.worker-every} (and right after a lock is consumed), and at startup: what a stopped
 * process left half sold is resumed from the database.
 *
 * <ol>
 *   <li>Admission: per asset, QUEUED liquidations start (SELLING) worst LTV first while the debt in liquidation
 *   (SELLING and STUCK) stays within the asset's cap ({@link Admission}), read from the head of the queue.</li>
 *   <li>A round claims up to {@code batch-size} due SELLING liquidations, at most {@code per-asset} of one asset,
 *   for a lease long enough for every slice to time out once, and sells them a few at a time. Each
 *   sends its slices not yet filled, in order, each under its client order id {@code <liquidationId>-<n>}. A slice
 *   sent again (after a timeout, a failure or a restart) carries the same order id, and the venue answers it with
 *   the fill it already made: a slice is never sold twice, and at most one sale of a loan runs at a time.</li>
 *   <li>The round's outcomes are then recorded in one transaction: the fills, and each sale whose slices are all
 *   filled settled ({@link LiquidationService#complete}, once). A venue failure or a call unanswered after
 *   {@code venue-timeout} stops that liquidation until {@code retry-backoff × 2^(failures − 1)} (at most
 *   {@code max-backoff}); after {@code max-attempts} consecutive failures it is STUCK, listed for operators
 *   ({@code GET /api/queue}), who may retry it. An outcome that cannot be recorded with the others (a broken
 *   invariant at settlement) is recorded alone, and its failure counts as an attempt.</li>
 * </ol>
 *
 * <p>{@code rounds-at-once} rounds run side by side, so that a round's sales are sold while another's are recorded.
 * Their claims never overlap: each takes rows no other claim has locked, leases them, and no round of the process
 * claims a sale another of its rounds is still selling or recording, even once its lease has lapsed. Each sells its
 * share of {@code concurrency} at a time.
 */
@ApplicationScoped
public class SaleWorker {

    /** How many of a queue's head admission reads at a time (the queue is strict: the rest waits behind it). */
    private static final int QUEUE_HEAD = 500;

    private final LiquidationRepository liquidations;
    private final FillRepository fills;
    private final LiquidationService service;
    private final ExecutionVenue venue;
    private final LiquidationConfig config;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Vertx vertx;
    private volatile boolean paused;
    private volatile List<PeriodicJob> jobs = List.of();
    /** The sales this process's rounds are selling now: no other round of it claims them, even once a lease lapses. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public SaleWorker(LiquidationRepository liquidations, FillRepository fills, LiquidationService service,
                      ExecutionVenue venue, LiquidationConfig config, Outbox outbox, OutboxRelay relay, Clock clock,
                      Vertx vertx) {
        this.liquidations = liquidations;
        this.fills = fills;
        this.service = service;
        this.venue = venue;
        this.config = config;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        List<PeriodicJob> started = new ArrayList<>();
        for (int n = 1; n <= rounds(); n++) {
            started.add(PeriodicJob.every(vertx, config.liquidation().workerEvery(), "liquidation sales " + n,
                    this::round).runNow());
        }
        jobs = List.copyOf(started);
    }

    void stop(@Observes ShutdownEvent event) {
        jobs.forEach(PeriodicJob::stop);
    }

    /** Rounds now (or right after the ones running): after a lock was consumed. */
    public void kick() {
        if (!paused) {
            jobs.forEach(PeriodicJob::runNow);
        }
    }

    /** Rounds at once: never more than the sales the venue may have in flight, so that each has one at least. */
    private int rounds() {
        return Math.max(1, Math.min(config.liquidation().roundsAtOnce(), config.liquidation().concurrency()));
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

    /** One round: admit under the caps, then sell a batch of what is due; emits whether more is due at once. */
    public Uni<Boolean> round() {
        if (paused) {
            return Uni.createFrom().item(false);
        }
        Context context = Vertx.currentContext();
        return admit().chain(() -> sellDue(context));
    }

    /** Starts the queued liquidations the caps allow, worst LTV first. */
    public Uni<Void> admit() {
        return Panache.withTransaction(() -> liquidations.lockAdmissions().chain(liquidations::assetsQueued)
                .chain(assets -> Multi.createFrom().iterable(assets)
                        .onItem().transformToUniAndConcatenate(this::admit)
                        .collect().last()))
                .replaceWithVoid();
    }

    private Uni<Boolean> admit(String asset) {
        return liquidations.inLiquidation(asset).chain(inLiquidation -> liquidations.queueHead(asset, QUEUE_HEAD)
                .invoke(head -> {
                    Instant now = clock.instant();
                    Map<UUID, Liquidation> queued = head.stream().collect(Collectors.toMap(l -> l.id, l -> l));
                    for (Admission.Waiting started : Admission.admit(head.stream().map(SaleWorker::waiting).toList(),
                            inLiquidation, cap(asset))) {
                        Liquidation l = queued.get(started.id());
                        l.status = LiquidationStatus.SELLING;
                        l.nextAttemptAt = now;
                        l.updatedAt = now;
                        Log.debugf("liquidation %s of loan %s starts selling %s %s", l.id, l.loanId,
                                l.collateralToSell, asset);
                    }
                })).replaceWith(Boolean.TRUE);
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

    /** A sale to make: the liquidation as claimed, and the slices already filled. */
    private record Sale(UUID id, UUID loanId, String asset, BigDecimal toSell, int slices, BigDecimal referencePrice,
                        Set<Integer> filled) {
    }

    /** One slice filled in this round. */
    private record Filled(int n, BigDecimal quantity, VenueFill fill) {
    }

    /** What a sale did in this round: its new fills, and the failure that stopped it (null when all are filled). */
    private record Sold(Sale sale, List<Filled> fills, String orderId, Throwable failure) {
    }

    /**
     * Claims a batch of due sales, sells them concurrently, records the outcomes; emits whether it settled any: the
     * sales it settled gave their debt back under the cap, so the next round (admission first) follows at once
     * rather than a {@code worker-every} later. A round that finds nothing due, or whose sales all failed (each now
     * waits for its backoff), ends the run.
     */
    private Uni<Boolean> sellDue(Context context) {
        Instant now = clock.instant();
        Duration lease = config.liquidation().venueTimeout().multipliedBy(config.liquidation().slices() + 1L);
        int batch = config.liquidation().batchSize();
        long start = System.nanoTime();
        return Panache.withTransaction(() -> liquidations.claimDue(now, now.plus(lease),
                                config.liquidation().perAsset(), batch, inFlight)
                        .chain(claimed -> fills.of(claimed.stream().map(l -> l.id).toList()).map(done -> {
                            Map<UUID, Set<Integer>> filled = done.stream().collect(Collectors.groupingBy(
                                    f -> f.liquidationId, Collectors.mapping(f -> f.n, Collectors.toSet())));
                            return claimed.stream().map(l -> new Sale(l.id, l.loanId, l.collateralAsset,
                                    l.collateralToSell, l.sliceCount, l.referencePrice,
                                    filled.getOrDefault(l.id, Set.of()))).toList();
                        })))
                .chain(sales -> {
                    if (sales.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    List<UUID> ids = sales.stream().map(Sale::id).toList();
                    inFlight.addAll(ids);
                    long claimedAt = System.nanoTime();
                    long[] soldAt = new long[1];
                    return Multi.createFrom().iterable(sales)
                                .onItem().transformToUni(this::sell)
                                .merge(Math.max(1, config.liquidation().concurrency() / rounds()))
                                .collect().asList()
                                .emitOn(task -> context.runOnContext(v -> task.run()))
                                .invoke(() -> soldAt[0] = System.nanoTime())
                                .chain(outcomes -> record(outcomes)
                                        .replaceWith(outcomes.stream().anyMatch(o -> o.failure() == null)))
                                .invoke(() -> Log.debugf("a round of %d sales: claimed in %d ms, sold in %d ms, "
                                        + "recorded in %d ms", sales.size(), (claimedAt - start) / 1_000_000,
                                        (soldAt[0] - claimedAt) / 1_000_000, (System.nanoTime() - soldAt[0]) / 1_000_000))
                                .onTermination().invoke(() -> ids.forEach(inFlight::remove));
                });
    }

    /** Sends the sale's slices not yet filled, in order; stops at the first failure. Never fails. */
    private Uni<Sold> sell(Sale sale) {
        List<BigDecimal> slices = Slices.of(sale.toSell(), sale.slices(), config.liquidation().assetScale());
        return sendFrom(sale, slices, 1, new ArrayList<>());
    }

    private Uni<Sold> sendFrom(Sale sale, List<BigDecimal> slices, int n, List<Filled> done) {
        if (n > slices.size()) {
            return Uni.createFrom().item(new Sold(sale, done, null, null));
        }
        if (sale.filled().contains(n)) {
            return sendFrom(sale, slices, n + 1, done);
        }
        String orderId = LiquidationIds.clientOrderId(sale.id(), n);
        BigDecimal quantity = slices.get(n - 1);
        Duration timeout = config.liquidation().venueTimeout();
        return Uni.createFrom().deferred(() -> venue.sell(sale.asset(), quantity, orderId, sale.referencePrice()))
                .ifNoItem().after(timeout).failWith(() -> new VenueException("order " + orderId
                        + " not answered in " + timeout))
                .onItemOrFailure().transformToUni((fill, failure) -> {
                    if (failure != null) {
                        return Uni.createFrom().item(new Sold(sale, done, orderId, failure));
                    }
                    if (fill.quantity().compareTo(quantity) != 0) {
                        return Uni.createFrom().item(new Sold(sale, done, orderId, new VenueException("order "
                                + orderId + " filled " + fill.quantity() + " of " + quantity)));
                    }
                    done.add(new Filled(n, quantity, fill));
                    return sendFrom(sale, slices, n + 1, done);
                });
    }

    /**
     * The round's outcomes in one transaction, with a few statements whatever their number: the sales locked and read
     * afresh at once, the new fills written, every fill of the sales to settle read at once; if that fails, each in
     * its own transaction.
     */
    private Uni<Void> record(List<Sold> outcomes) {
        return Panache.withTransaction(() -> outbox.collecting(() -> recordAll(outcomes)))
                .invoke(relay::wake)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("a round of %d sales could not be recorded together (%s): each alone", outcomes.size(),
                            failure.toString());
                    return Multi.createFrom().iterable(outcomes)
                            .onItem().transformToUniAndConcatenate(this::recordAlone)
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> recordAll(List<Sold> outcomes) {
        List<UUID> ids = outcomes.stream().map(o -> o.sale().id()).toList();
        return liquidations.lockedAll(ids).chain(locked -> {
            List<LiquidationFill> newFills = new ArrayList<>();
            outcomes.forEach(sold -> newFills.addAll(fillRows(sold)));
            List<UUID> settling = outcomes.stream().filter(o -> o.failure() == null).map(o -> o.sale().id()).toList();
            return Panache.getSession().chain(session -> session.persistAll(newFills.toArray()))
                    .chain(() -> fills.of(settling))
                    .chain(all -> {
                        Map<UUID, List<LiquidationFill>> bySale = all.stream()
                                .collect(Collectors.groupingBy(f -> f.liquidationId));
                        // one after the other, never one nested chain per sale (its depth would grow with the round)
                        return Multi.createFrom().iterable(outcomes)
                                .onItem().transformToUniAndConcatenate(sold -> {
                                    Liquidation l = locked.get(sold.sale().id());
                                    if (l == null) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    if (sold.failure() != null) {
                                        failed(l, sold.orderId(), sold.failure());
                                        return Uni.createFrom().voidItem();
                                    }
                                    return service.complete(l, bySale.getOrDefault(l.id, List.of()));
                                })
                                .collect().last().replaceWithVoid();
                    });
        });
    }

    private Uni<Boolean> recordAlone(Sold sold) {
        return Panache.withTransaction(() -> outbox.collecting(() -> recordOne(sold)))
                .invoke(relay::wake)
                .onFailure().recoverWithUni(failure -> {
                    Log.errorf(failure, "liquidation %s: the sale failed", sold.sale().id());
                    return Panache.withTransaction(() -> failed(sold.sale().id(), "sale", failure))
                            .onFailure().recoverWithNull().replaceWith(Boolean.FALSE);
                });
    }

    /** The rows of the fills a sale made in this round. */
    private static List<LiquidationFill> fillRows(Sold sold) {
        List<LiquidationFill> rows = new ArrayList<>();
        for (Filled f : sold.fills()) {
            var row = new LiquidationFill();
            row.id = UUID.randomUUID();
            row.liquidationId = sold.sale().id();
            row.n = f.n();
            row.clientOrderId = f.fill().clientOrderId();
            row.at = f.fill().at();
            row.quantity = f.fill().quantity();
            row.price = f.fill().price();
            row.referencePrice = sold.sale().referencePrice();
            rows.add(row);
        }
        return rows;
    }

    /** Records one sale's new fills, then settles it (every slice filled) or counts its failure. */
    private Uni<Boolean> recordOne(Sold sold) {
        Sale sale = sold.sale();
        Uni<Void> fillsKept = Uni.createFrom().voidItem();
        for (LiquidationFill row : fillRows(sold)) {
            fillsKept = fillsKept.chain(() -> row.persist().replaceWithVoid());
        }
        return fillsKept.chain(() -> sold.failure() == null ? service.complete(sale.id())
                        : failed(sale.id(), sold.orderId(), sold.failure()))
                .replaceWith(Boolean.TRUE);
    }

    /** Counts a failure of the sale {@code id} (inside the caller's transaction). */
    private Uni<Void> failed(UUID id, String orderId, Throwable failure) {
        return liquidations.locked(id).invoke(l -> {
            if (l != null) {
                failed(l, orderId, failure);
            }
        }).replaceWithVoid();
    }

    /** Counts a failure of the sale {@code l}, locked and read in the caller's transaction. */
    private void failed(Liquidation l, String orderId, Throwable failure) {
        if (l.status != LiquidationStatus.SELLING) {
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
            l.nextAttemptAt = now.plus(config.liquidation().backoff(l.attempts));
            Log.warnf("liquidation %s: %s; retry %d at %s", l.id, l.lastError, l.attempts, l.nextAttemptAt);
        }
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
        })).invoke(this::kick);
    }
}
