package io.shortfall.liquidation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.domain.LiquidationIds;
import io.shortfall.liquidation.domain.LiquidationMath;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.domain.Recourse;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.venue.SimulatedOrderBook;
import io.shortfall.liquidation.venue.VenueFill;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sells the collateral of a locked loan and records the outcome with its events, in the consumer's transaction.
 * A snapshot (loan id, loan version) is liquidated at most once: the inbox skips a redelivered event, this
 * service skips a snapshot it already sold, and the database's unique constraint stops a race between the two.
 * This milestone sells everything (FULL); a PARTIAL policy is sold as FULL.
 */
@ApplicationScoped
public class LiquidationService {

    public static final String FULL = "FULL";

    private final LiquidationRepository liquidations;
    private final CollateralSale sale;
    private final InsuranceFundLedger fund;
    private final Outbox outbox;
    private final LiquidationConfig config;
    private final Clock clock;

    public LiquidationService(LiquidationRepository liquidations, CollateralSale sale, InsuranceFundLedger fund,
                              Outbox outbox, LiquidationConfig config, Clock clock) {
        this.liquidations = liquidations;
        this.sale = sale;
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
        return liquidations.ofSnapshot(started.loanId(), started.loanVersion()).chain(existing -> {
            if (existing != null) {
                Log.infof("loan %s version %d was already liquidated by %s: nothing to do", started.loanId(),
                        started.loanVersion(), existing.id);
                return Uni.createFrom().voidItem();
            }
            return liquidate(started, recourse, startedAt);
        });
    }

    private Uni<Void> liquidate(LoanEvents.LiquidationStarted started, Recourse recourse, Instant startedAt) {
        UUID id = LiquidationIds.of(started.loanId(), started.loanVersion());
        List<VenueFill> fills = sale.sell(id, started.collateralAsset(), started.collateralAmount(),
                started.referencePrice());
        var terms = new LiquidationMath.Terms(config.liquidation().feeRate(),
                config.liquidation().bestExecutionTolerance());
        var outcome = LiquidationMath.settle(
                fills.stream().map(f -> new LiquidationMath.Sold(f.quantity(), f.price())).toList(),
                started.referencePrice(), started.principal(), started.accruedInterest(), terms);
        if (outcome.collateralSold().compareTo(started.collateralAmount()) != 0) {
            throw new IllegalStateException("the venue filled " + outcome.collateralSold() + " of "
                    + started.collateralAmount() + " for liquidation " + id);
        }
        Liquidation liquidation = record(id, started, recourse, terms, outcome, startedAt);
        List<LiquidationFill> rows = fillRows(id, started.referencePrice(), fills);
        return liquidation.persist()
                .chain(() -> LiquidationFill.persist(rows))
                .chain(Panache::flush)
                .chain(() -> outbox.publish(Topics.LIQUIDATION_EVENTS, completed(liquidation, rows)))
                .chain(() -> settleShortfall(liquidation))
                .invoke(() -> Log.infof("liquidation %s of loan %s: gross %s, fee %s, surplus %s, shortfall %s",
                        id, liquidation.loanId, liquidation.gross, liquidation.fee, liquidation.surplus,
                        liquidation.shortfall));
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
                               LiquidationMath.Terms terms, LiquidationMath.Outcome outcome, Instant startedAt) {
        var liquidation = new Liquidation();
        liquidation.id = id;
        liquidation.loanId = started.loanId();
        liquidation.loanVersion = started.loanVersion();
        liquidation.borrowerId = started.borrowerId();
        liquidation.status = LiquidationStatus.COMPLETED;
        liquidation.policy = FULL;
        liquidation.requestedPolicy = started.policy();
        liquidation.recourse = recourse.name();
        liquidation.collateralAsset = started.collateralAsset();
        liquidation.collateralSold = outcome.collateralSold();
        liquidation.referencePrice = started.referencePrice();
        liquidation.principal = started.principal();
        liquidation.accruedInterest = started.accruedInterest();
        liquidation.feeRate = terms.feeRate();
        liquidation.bestExecutionTolerance = terms.bestExecutionTolerance();
        liquidation.proceeds = outcome.proceeds();
        liquidation.floorCredit = outcome.floorCredit();
        liquidation.gross = outcome.gross();
        liquidation.fee = outcome.fee();
        liquidation.debt = outcome.debt();
        liquidation.debtCovered = outcome.debtCovered();
        liquidation.surplus = outcome.surplus();
        liquidation.shortfall = outcome.shortfall();
        liquidation.startedAt = startedAt;
        liquidation.completedAt = clock.instant();
        return liquidation;
    }

    private static List<LiquidationFill> fillRows(UUID liquidationId, BigDecimal referencePrice,
                                                  List<VenueFill> fills) {
        List<LiquidationFill> rows = new ArrayList<>(fills.size());
        for (int n = 1; n <= fills.size(); n++) {
            VenueFill fill = fills.get(n - 1);
            var row = new LiquidationFill();
            row.id = UUID.randomUUID();
            row.liquidationId = liquidationId;
            row.n = n;
            row.clientOrderId = fill.clientOrderId();
            row.at = fill.at();
            row.quantity = fill.quantity();
            row.price = fill.price();
            row.referencePrice = referencePrice;
            rows.add(row);
        }
        return rows;
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
