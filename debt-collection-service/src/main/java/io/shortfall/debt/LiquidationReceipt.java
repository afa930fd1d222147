package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The receipt of a liquidation that left a shortfall, exactly as liquidation-service reported it in
 * {@code LiquidationCompleted}: shown on the case it opened.
 */
@Entity
@Table(name = "liquidation_receipt")
public class LiquidationReceipt extends PanacheEntityBase {

    @Id
    @Column(name = "liquidation_id")
    public UUID liquidationId;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(name = "collateral_asset")
    public String collateralAsset;

    public String policy;

    @Column(name = "collateral_sold")
    public BigDecimal collateralSold;

    @Column(name = "reference_price")
    public BigDecimal referencePrice;

    public BigDecimal proceeds;

    @Column(name = "floor_credit")
    public BigDecimal floorCredit;

    public BigDecimal gross;

    public BigDecimal fee;

    public BigDecimal debt;

    @Column(name = "debt_covered")
    public BigDecimal debtCovered;

    public BigDecimal surplus;

    @Column(nullable = false)
    public BigDecimal shortfall;

    /** The fills as the event's JSON array ({@code at, quantity, price, referencePrice, clientOrderId}). */
    @Column(nullable = false)
    public String fills;

    /** When liquidation-service reported it (the event's {@code occurredAt}). */
    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
}
