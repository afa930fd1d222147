package io.shortfall.liquidation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Slice {@link #n} of a liquidation, as the venue filled it. */
@Entity
@Table(name = "liquidation_fill")
public class LiquidationFill extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "liquidation_id", nullable = false)
    public UUID liquidationId;

    @Column(nullable = false)
    public int n;

    @Column(name = "client_order_id", nullable = false)
    public String clientOrderId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;
}
