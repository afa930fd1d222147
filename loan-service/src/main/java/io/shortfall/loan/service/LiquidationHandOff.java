package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.Loan;
import io.shortfall.loan.config.LoanConfig;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.Repayment;
import io.shortfall.loan.repository.LoanRepository;
import io.shortfall.loan.repository.PriceRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The owner's side of a liquidation (docs/DOMAIN.md, "Liquidation"): lock the loan before any sale, re-checking
 * the LTV at the freshest price known; then close it when the sale is done. Runs inside the consumer's
 * transaction; the loan's optimistic lock makes a lock racing a repayment lose one of the two.
 */
@ApplicationScoped
public class LiquidationHandOff {

    private final LoanRepository loans;
    private final PriceRepository prices;
    private final LoanEventLog events;
    private final InterestAccrual accrual;
    private final Assets assets;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final LoanConfig config;
    private final AutoIncrease autoIncrease;
    private final Balances balances;

    public LiquidationHandOff(LoanRepository loans, PriceRepository prices, LoanEventLog events,
                              InterestAccrual accrual, Assets assets, Clock clock, MeterRegistry metrics,
                              LoanConfig config, AutoIncrease autoIncrease, Balances balances) {
        this.balances = balances;
        this.autoIncrease = autoIncrease;
        this.accrual = accrual;
        this.assets = assets;
        this.config = config;
        this.loans = loans;
        this.prices = prices;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Uni<Void> onTriggered(MarginEvents.LiquidationTriggered trigger) {
        return requireLoan(trigger.loanId()).chain(loan -> {
            if (loan.status != LoanStatus.ACTIVE) {
                Log.infof("liquidation of loan %s triggered while %s: nothing to do", loan.id, loan.status);
                return Uni.createFrom().voidItem();
            }
            // The snapshot handed to the sale carries the interest owed up to today.
            return accrual.accrue(loan).chain(() -> prices.findById(loan.collateralAsset))
                    .chain(known -> lockOrDecline(loan, trigger, freshest(known, trigger)));
        });
    }

    /**
     * Re-checks at the freshest price known and locks, or declines: on a stale price nothing is sold, a loan back
     * under the liquidation LTV is not sold, nor one its reserve takes back under it (auto increase on). The sale's reference price is the trigger's (docs/DOMAIN.md:
     * the best-execution floor is set by the price at trigger time).
     */
    private Uni<Void> lockOrDecline(Loan loan, MarginEvents.LiquidationTriggered trigger, PriceAt price) {
        BigDecimal debt = loan.debt();
        BigDecimal ltv = LoanMath.ltv(debt, loan.collateralAmount, price.price());
        if (Duration.between(price.observedAt(), clock.instant()).compareTo(config.priceMaxAge()) > 0) {
            return decline(loan, "stale price: the freshest " + loan.collateralAsset + " price (" + price.price()
                    + " at " + price.observedAt() + ") is older than " + config.priceMaxAge().toMinutes()
                    + " minutes; no sale on a stale price", ltv);
        }
        if (!LoanMath.atOrAbove(debt, loan.collateralAmount, price.price(), loan.liquidationLtv)) {
            return decline(loan, "recovered: LTV " + ltv + " at " + price.price()
                    + " is below the liquidation LTV " + loan.liquidationLtv, ltv);
        }
        return autoIncrease.beforeSale(loan, price.price()).chain(saved -> {
            if (saved) {
                BigDecimal after = LoanMath.ltv(debt, loan.collateralAmount, price.price());
                return decline(loan, "saved by auto increase: with " + loan.collateralAmount.toPlainString() + " "
                        + loan.collateralAsset + " the LTV is " + after + " at " + price.price()
                        + ", below the liquidation LTV " + loan.liquidationLtv, after);
            }
            return lock(loan, trigger, ltv);
        });
    }

    private Uni<Void> lock(Loan loan, MarginEvents.LiquidationTriggered trigger, BigDecimal ltv) {
        loan.status = LoanStatus.LIQUIDATING;
        return events.emitOnFlush(loan, locked -> new LoanEvents.LiquidationStarted(
                        locked.id, locked.borrowerId, locked.collateralAsset, locked.collateralAmount, locked.principal,
                        locked.accruedInterest, trigger.price(), trigger.priceObservedAt(), ltv,
                        locked.liquidationPolicy, locked.recourse, locked.thresholds(), locked.version))
                .invoke(() -> metrics.counter("shortfall.liquidations.started", "asset", loan.collateralAsset).increment())
                .replaceWithVoid();
    }

    private Uni<Void> decline(Loan loan, String reason, BigDecimal ltv) {
        return events.emit(loan.id, new LoanEvents.LiquidationDeclined(loan.id, reason, ltv, loan.version));
    }

    public Uni<Void> onCompleted(LiquidationEvents.LiquidationCompleted completed) {
        return requireLoan(completed.loanId()).chain(loan -> {
            if (loan.status != LoanStatus.LIQUIDATING) {
                throw new PoisonEventException("liquidation " + completed.liquidationId() + " completed for loan "
                        + loan.id + " which is " + loan.status + ", not LIQUIDATING");
            }
            if (LiquidationPolicy.PARTIAL.equals(completed.policy())) {
                // Unlocked, the loan owes the interest of the days it was locked, on the principal it had then.
                loan.status = LoanStatus.ACTIVE;
                return accrual.accrue(loan).chain(() -> applyPartial(loan, completed));
            }
            BigDecimal sold = completed.collateralSold();
            if (sold == null || sold.signum() < 0 || sold.compareTo(loan.collateralAmount) > 0) {
                throw new PoisonEventException("liquidation " + completed.liquidationId() + " of loan " + loan.id
                        + " sold " + sold + " of " + loan.collateralAmount + " collateral");
            }
            // A surplus is credited to the borrower's USDT balance (Balances), theirs to withdraw or to pay a debt with.
            loan.status = LoanStatus.LIQUIDATED;
            loan.collateralAmount = loan.collateralAmount.subtract(sold);
            // The sale settled the debt: what it covered is repaid, what it did not is now the negative
            // balance (debt-collection-service's), so the closed loan owes nothing itself.
            loan.principal = BigDecimal.ZERO.setScale(LoanMath.USDT_SCALE);
            loan.accruedInterest = BigDecimal.ZERO.setScale(LoanMath.USDT_SCALE);
            loan.liquidationSurplus = completed.surplus();
            loan.liquidationShortfall = completed.shortfall();
            loan.closedAt = clock.instant();
            BigDecimal returned = loan.collateralAmount;
            return Panache.flush().chain(() -> events.emit(loan.id, new LoanEvents.LoanClosed(loan.id,
                            loan.borrowerId, LoanEvents.LoanClosed.LIQUIDATED, returned, loan.version)))
                    .chain(() -> balances.creditSurplus(loan.borrowerId, completed.liquidationId(),
                            completed.surplus()));
        });
    }

    /**
     * A PARTIAL sale sold part of the collateral: what it covered repays the debt (interest first, including
     * what accrued while the loan was locked, then principal), the collateral sold leaves the loan, and the loan is unlocked (ACTIVE) with what is left
     * ({@code PartiallyLiquidated}). A sale that covered the whole debt closes the loan (LIQUIDATED) and
     * returns what collateral is left. A sale of more than the loan holds, or covering more than its debt,
     * is poison.
     */
    private Uni<Void> applyPartial(Loan loan, LiquidationEvents.LiquidationCompleted completed) {
        BigDecimal sold = completed.collateralSold();
        BigDecimal covered = completed.debtCovered();
        if (sold == null || covered == null || sold.signum() < 0 || sold.compareTo(loan.collateralAmount) > 0) {
            throw new PoisonEventException("partial liquidation " + completed.liquidationId() + " of loan " + loan.id
                    + " sold " + sold + " of " + loan.collateralAmount + " collateral");
        }
        Repayment.Allocation split;
        try {
            split = covered.signum() == 0
                    ? new Repayment.Allocation(covered, covered, covered, loan.accruedInterest, loan.principal)
                    : Repayment.allocate(covered, loan.accruedInterest, loan.principal);
        } catch (Repayment.Overpayment | IllegalArgumentException e) {
            throw new PoisonEventException("partial liquidation " + completed.liquidationId() + " of loan " + loan.id
                    + " covered " + covered + ": " + e.getMessage());
        }
        int scale = assets.scaleOf(loan);
        loan.collateralAmount = loan.collateralAmount.subtract(sold).setScale(scale);
        loan.accruedInterest = split.interestLeft().setScale(LoanMath.USDT_SCALE);
        loan.principal = split.principalLeft().setScale(LoanMath.USDT_SCALE);
        boolean settled = split.settlesTheDebt();
        loan.status = LoanStatus.ACTIVE;
        // The sale and the close are two versions of the loan, each with its event: consumers apply an event only
        // when its loanVersion is newer than the last they applied (margin-service).
        return Panache.flush()
                .chain(() -> events.emit(loan.id, new LoanEvents.PartiallyLiquidated(loan.id, loan.borrowerId,
                        completed.liquidationId(), sold, covered, loan.collateralAmount, loan.principal,
                        loan.accruedInterest, loan.version)))
                .chain(() -> settled ? closeSettled(loan, completed) : Uni.createFrom().voidItem());
    }

    /** A PARTIAL sale that covered the whole debt closes the loan (LIQUIDATED) and returns what collateral is left. */
    private Uni<Void> closeSettled(Loan loan, LiquidationEvents.LiquidationCompleted completed) {
        loan.status = LoanStatus.LIQUIDATED;
        loan.closedAt = clock.instant();
        loan.liquidationSurplus = completed.surplus();
        loan.liquidationShortfall = completed.shortfall();
        return Panache.flush().chain(() -> events.emit(loan.id, new LoanEvents.LoanClosed(loan.id, loan.borrowerId,
                        LoanEvents.LoanClosed.LIQUIDATED, loan.collateralAmount, loan.version)))
                .chain(() -> balances.creditSurplus(loan.borrowerId, completed.liquidationId(), completed.surplus()));
    }

    private Uni<Loan> requireLoan(UUID id) {
        return loans.findById(id).invoke(loan -> {
            if (loan == null) {
                throw new PoisonEventException("no loan " + id);
            }
        });
    }

    private record PriceAt(BigDecimal price, Instant observedAt) {
    }

    /** The newer of the price this service knows and the one the trigger was computed at. */
    private static PriceAt freshest(AssetPrice known, MarginEvents.LiquidationTriggered trigger) {
        if (known != null && !known.observedAt.isBefore(trigger.priceObservedAt())) {
            return new PriceAt(known.price, known.observedAt);
        }
        return new PriceAt(trigger.price(), trigger.priceObservedAt());
    }
}
