package io.shortfall.liquidation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.liquidation.domain.LiquidationMath;
import io.shortfall.liquidation.domain.LiquidationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The sale of one locked snapshot of a loan, and its receipt's numbers (see {@code LiquidationMath}). */
@Entity
@Table(name = "liquidation")
public class Liquidation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    /** The loan's version in the LiquidationStarted snapshot: one liquidation per (loan, version). */
    @Column(name = "loan_version", nullable = false)
    public long loanVersion;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LiquidationStatus status;

    /** The policy applied: PARTIAL only when part of the collateral was sold. */
    @Column(nullable = false)
    public String policy;

    /** The policy the loan asked for (a PARTIAL may be sold whole by the dust rules). */
    @Column(name = "requested_policy", nullable = false)
    public String requestedPolicy;

    @Column(nullable = false)
    public String recourse;

    @Column(name = "collateral_asset", nullable = false)
    public String collateralAsset;

    /** What loan-service locked; a PARTIAL sale sells less. */
    @Column(name = "collateral_locked", nullable = false)
    public BigDecimal collateralLocked;

    /** Why this much was sold ({@code SalePlan.Reason}). */
    @Column(name = "plan_reason")
    public String planReason;

    /** What the plan sells; {@code collateralSold} once completed. */
    @Column(name = "collateral_to_sell", nullable = false)
    public BigDecimal collateralToSell;

    /** Orders the sale is cut into (fixed when it is recorded, so a restart sends the same orders). */
    @Column(name = "slice_count", nullable = false)
    public int sliceCount;

    /** The LTV of the snapshot: the queue's order. */
    @Column
    public BigDecimal ltv;

    /** Consecutive failures at the venue; reset by a fill. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "collateral_sold")
    public BigDecimal collateralSold;

    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;

    @Column(nullable = false)
    public BigDecimal principal;

    @Column(name = "accrued_interest", nullable = false)
    public BigDecimal accruedInterest;

    /** The terms the sale was credited under, kept so the receipt can always be recomputed. */
    @Column(name = "fee_rate", nullable = false)
    public BigDecimal feeRate;

    @Column(name = "best_execution_tolerance", nullable = false)
    public BigDecimal bestExecutionTolerance;

    @Column
    public BigDecimal proceeds;

    @Column(name = "floor_credit")
    public BigDecimal floorCredit;

    @Column
    public BigDecimal gross;

    @Column
    public BigDecimal fee;

    @Column(nullable = false)
    public BigDecimal debt;

    @Column(name = "debt_covered")
    public BigDecimal debtCovered;

    @Column
    public BigDecimal surplus;

    @Column
    public BigDecimal shortfall;

    /** When loan-service locked the loan (the LiquidationStarted event). */
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public LiquidationMath.Terms terms() {
        return new LiquidationMath.Terms(feeRate, bestExecutionTolerance);
    }
}
