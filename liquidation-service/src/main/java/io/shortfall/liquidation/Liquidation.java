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

    /** The policy applied (FULL in this milestone). */
    @Column(nullable = false)
    public String policy;

    /** The policy the loan asked for (PARTIAL is sold as FULL for now). */
    @Column(name = "requested_policy", nullable = false)
    public String requestedPolicy;

    @Column(nullable = false)
    public String recourse;

    @Column(name = "collateral_asset", nullable = false)
    public String collateralAsset;

    @Column(name = "collateral_sold", nullable = false)
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

    @Column(nullable = false)
    public BigDecimal proceeds;

    @Column(name = "floor_credit", nullable = false)
    public BigDecimal floorCredit;

    @Column(nullable = false)
    public BigDecimal gross;

    @Column(nullable = false)
    public BigDecimal fee;

    @Column(nullable = false)
    public BigDecimal debt;

    @Column(name = "debt_covered", nullable = false)
    public BigDecimal debtCovered;

    @Column(nullable = false)
    public BigDecimal surplus;

    @Column(nullable = false)
    public BigDecimal shortfall;

    /** When loan-service locked the loan (the LiquidationStarted event). */
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    public LiquidationMath.Terms terms() {
        return new LiquidationMath.Terms(feeRate, bestExecutionTolerance);
    }
}
