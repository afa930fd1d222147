package io.shortfall.liquidation.service;

import io.quarkus.logging.Log;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.domain.LiquidationIds;
import io.shortfall.liquidation.domain.LiquidationMath;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.domain.Recourse;
import io.shortfall.liquidation.domain.SalePlan;
import io.shortfall.liquidation.repository.FillRepository;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.venue.SimulatedOrderBook;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records the liquidation of a locked loan (in the consumer's transaction; {@code SaleWorker} sells it), and
 * settles it once every slice is filled: the receipt and its events, in one transaction.
 * A snapshot (loan id, loan version) is liquidated at most once: the inbox skips a redelivered event, this
 * service skips a snapshot it already sold, and the database's unique constraint stops a race between the two.
 * What is sold is {@link SalePlan}'s: everything (FULL), or for a PARTIAL asset just enough to get back to the
 * initial LTV, unless the dust rules say everything.
 */
@ApplicationScoped
public class LiquidationService {

    public static final String FULL = "FULL";

    private final LiquidationRepository liquidations;
    private final FillRepository fills;
    private final InsuranceFundLedger fund;
    private final Outbox outbox;
    private final LiquidationConfig config;
    private final Clock clock;

    public LiquidationService(LiquidationRepository liquidations, FillRepository fills, InsuranceFundLedger fund,
                              Outbox outbox, LiquidationConfig config, Clock clock) {
        this.liquidations = liquidations;
        this.fills = fills;
        this.fund = fund;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> onStarted(LoanEvents.LiquidationStarted started, Instant startedAt) {
        Recourse recourse = checked(started);
        if (startedAt == null) {
            throw new PoisonEventException("LiquidationStarted: the envelope has no occurredAt");
        }
        SalePlan.Plan plan = plan(started);
        UUID id = LiquidationIds.of(started.loanId(), started.loanVersion());
        Uni<Boolean> exists = BatchScope.<Set<UUID>>get(KNOWN)
                .map(known -> Uni.createFrom().item(known.contains(id)))
                .orElseGet(() -> liquidations.ofSnapshot(started.loanId(), started.loanVersion()).map(l -> l != null));
        return exists.chain(known -> {
            if (known) {
                Log.infof("loan %s version %d was already liquidated by %s: nothing to do", started.loanId(),
                        started.loanVersion(), id);
                return Uni.createFrom().voidItem();
            }
            return liquidate(started, recourse, plan, startedAt);
        });
    }

    private static final String KNOWN = LiquidationService.class.getName() + ".known";

    /**
     * Before a batch of loan events: which of its locked snapshots have a liquidation already (one query), so
     * each {@link #onStarted} need not ask.
     */
    public Uni<Void> prepare(List<LoanEvents.LiquidationStarted> batch) {
        List<UUID> ids = batch.stream().filter(s -> s.loanId() != null)
                .map(s -> LiquidationIds.of(s.loanId(), s.loanVersion())).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return liquidations.existing(ids).invoke(found -> BatchScope.put(KNOWN, new java.util.HashSet<>(found)))
                .replaceWithVoid();
    }

    /** What to sell: everything (FULL), or just enough to get back to the initial LTV (PARTIAL, dust rules). */
    private SalePlan.Plan plan(LoanEvents.LiquidationStarted started) {
        Thresholds thresholds = started.thresholds() != null ? started.thresholds() : Thresholds.DEFAULTS;
        SalePlan.Plan plan = SalePlan.of(started.policy(), started.collateralAmount(),
                started.principal().add(started.accruedInterest()), started.referencePrice(), thresholds.initial(),
                thresholds.liquidation(), config.liquidation().bestExecutionTolerance(),
                config.liquidation().assetScale());
        if (plan.quantity().signum() == 0) {
            throw new PoisonEventException("LiquidationStarted: a PARTIAL snapshot already at or below its initial "
                    + "LTV: nothing to sell");
        }
        return plan;
    }

    /** Records the liquidation, QUEUED under the cap: the sale worker sells it outside this transaction. */
    private Uni<Void> liquidate(LoanEvents.LiquidationStarted started, Recourse recourse, SalePlan.Plan plan,
                                Instant startedAt) {
        UUID id = LiquidationIds.of(started.loanId(), started.loanVersion());
        var terms = new LiquidationMath.Terms(config.liquidation().feeRate(),
                config.liquidation().bestExecutionTolerance());
        Liquidation liquidation = record(id, started, recourse, plan, terms, startedAt);
        return liquidation.persist()
                .invoke(() -> Log.infof("liquidation %s of loan %s queued: %s %s of %s (%s)", id, started.loanId(),
                        plan.policy(), plan.quantity(), started.collateralAmount(), plan.reason()))
                .replaceWithVoid();
    }

    /**
     * Settles a liquidation whose slices are all filled: the receipt, {@code LiquidationCompleted} and the
     * shortfall's consequence, in one transaction (the caller's). The row is locked, read afresh (not the copy the
     * seller loaded before its slices) and must still be SELLING, so a liquidation is settled once whoever calls.
     */
    public Uni<Void> complete(UUID id) {
        return liquidations.locked(id).chain(liquidation -> liquidation == null ? Uni.createFrom().voidItem()
                : fills.of(List.of(id)).chain(rows -> complete(liquidation, rows)));
    }

    /**
     * {@link #complete(UUID)} of a liquidation the caller has locked and read in this transaction, with all its
     * fills: nothing happens unless it is still SELLING.
     */
    public Uni<Void> complete(Liquidation locked, List<LiquidationFill> rows) {
        if (locked.status != LiquidationStatus.SELLING) {
            return Uni.createFrom().voidItem();
        }
        return settle(locked, rows);
    }

    private Uni<Void> settle(Liquidation l, List<LiquidationFill> rows) {
        var sold = rows.stream().map(f -> new LiquidationMath.Sold(f.quantity, f.price)).toList();
        var outcome = SalePlan.PARTIAL.equals(l.policy)
                ? LiquidationMath.settlePartial(sold, l.referencePrice, l.principal, l.accruedInterest, l.terms())
                : LiquidationMath.settle(sold, l.referencePrice, l.principal, l.accruedInterest, l.terms());
        if (outcome.collateralSold().compareTo(l.collateralToSell) != 0) {
            throw new IllegalStateException("the venue filled " + outcome.collateralSold() + " of "
                    + l.collateralToSell + " for liquidation " + l.id);
        }
        l.status = LiquidationStatus.COMPLETED;
        l.collateralSold = outcome.collateralSold();
        l.proceeds = outcome.proceeds();
        l.floorCredit = outcome.floorCredit();
        l.gross = outcome.gross();
        l.fee = outcome.fee();
        l.debt = outcome.debt();
        l.debtCovered = outcome.debtCovered();
        l.surplus = outcome.surplus();
        l.shortfall = outcome.shortfall();
        l.completedAt = clock.instant();
        l.updatedAt = l.completedAt;
        l.nextAttemptAt = null;
        return outbox.publish(Topics.LIQUIDATION_EVENTS, completed(l, rows))
                .chain(() -> settleShortfall(l))
                .invoke(() -> Log.infof("liquidation %s of loan %s (%s): gross %s, fee %s, surplus %s, shortfall %s",
                        l.id, l.loanId, l.policy, l.gross, l.fee, l.surplus, l.shortfall));
    }

    /** A shortfall is the borrower's negative balance (RECOURSE) or the insurance fund's loss (NON_RECOURSE). */
    private Uni<Void> settleShortfall(Liquidation liquidation) {
        if (liquidation.shortfall.signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        if (Recourse.valueOf(liquidation.recourse) == Recourse.RECOURSE) {
            return outbox.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.NegativeBalanceRecorded(
                    liquidation.id, liquidation.loanId, liquidation.borrowerId, liquidation.shortfall,
                    config.currency(), liquidation.recourse)).replaceWithVoid();
        }
        return fund.absorbShortfall(liquidation)
                .chain(draw -> outbox.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.InsuranceFundDrawn(
                        liquidation.id, liquidation.loanId, draw.amount, draw.balanceAfter)))
                .replaceWithVoid();
    }

    private Liquidation record(UUID id, LoanEvents.LiquidationStarted started, Recourse recourse,
                               SalePlan.Plan plan, LiquidationMath.Terms terms, Instant startedAt) {
        var liquidation = new Liquidation();
        liquidation.id = id;
        liquidation.loanId = started.loanId();
        liquidation.loanVersion = started.loanVersion();
        liquidation.borrowerId = started.borrowerId();
        liquidation.status = LiquidationStatus.QUEUED;
        liquidation.policy = plan.policy();
        liquidation.planReason = plan.reason().name();
        liquidation.requestedPolicy = started.policy();
        liquidation.recourse = recourse.name();
        liquidation.collateralAsset = started.collateralAsset();
        liquidation.collateralLocked = started.collateralAmount();
        liquidation.collateralToSell = plan.quantity();
        liquidation.sliceCount = config.liquidation().slices();
        liquidation.referencePrice = started.referencePrice();
        liquidation.principal = started.principal();
        liquidation.accruedInterest = started.accruedInterest();
        liquidation.debt = started.principal().add(started.accruedInterest()).setScale(LiquidationMath.USDT_SCALE);
        liquidation.ltv = started.ltv() != null ? started.ltv()
                : liquidation.debt.divide(started.collateralAmount().multiply(started.referencePrice()), 8,
                        RoundingMode.HALF_UP);
        liquidation.feeRate = terms.feeRate();
        liquidation.bestExecutionTolerance = terms.bestExecutionTolerance();
        liquidation.startedAt = startedAt;
        liquidation.updatedAt = clock.instant();
        return liquidation;
    }

    private static LiquidationEvents.LiquidationCompleted completed(Liquidation l, List<LiquidationFill> rows) {
        return new LiquidationEvents.LiquidationCompleted(l.id, l.loanId, l.borrowerId, l.collateralAsset, l.policy,
                l.collateralSold, l.referencePrice, l.proceeds, l.floorCredit, l.gross, l.fee, l.debt, l.debtCovered,
                l.surplus, l.shortfall, rows.stream().map(f -> new LiquidationEvents.Fill(f.at, f.quantity, f.price,
                        f.referencePrice, f.clientOrderId)).toList());
    }

    /** The snapshot's invariants; one that breaks them can never be sold and goes to the DLQ. */
    private Recourse checked(LoanEvents.LiquidationStarted s) {
        require(s.loanId() != null && s.borrowerId() != null && s.collateralAsset() != null, "loanId, borrowerId "
                + "and collateralAsset are required");
        require(s.collateralAmount() != null && s.collateralAmount().signum() > 0
                && s.collateralAmount().stripTrailingZeros().scale() <= config.liquidation().assetScale(),
                "collateralAmount must be positive with at most " + config.liquidation().assetScale() + " decimals");
        require(isCents(s.principal()) && isCents(s.accruedInterest()),
                "principal and accruedInterest must be non-negative with at most 2 decimals");
        require(s.referencePrice() != null && s.referencePrice().signum() > 0
                && s.referencePrice().stripTrailingZeros().scale() <= SimulatedOrderBook.PRICE_SCALE,
                "referencePrice must be positive with at most " + SimulatedOrderBook.PRICE_SCALE + " decimals");
        require(FULL.equals(s.policy()) || "PARTIAL".equals(s.policy()), "policy must be FULL or PARTIAL");
        require(s.recourse() != null && (s.recourse().equals(Recourse.RECOURSE.name())
                || s.recourse().equals(Recourse.NON_RECOURSE.name())), "recourse must be RECOURSE or NON_RECOURSE");
        return Recourse.valueOf(s.recourse());
    }

    private static boolean isCents(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new PoisonEventException("LiquidationStarted: " + message);
        }
    }
}
