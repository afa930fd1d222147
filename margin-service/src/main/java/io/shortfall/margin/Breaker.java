package io.shortfall.margin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/** An asset's price circuit breaker: while tripped, no automatic liquidation of that asset is triggered. */
@Entity
@Table(name = "breaker")
public class Breaker extends PanacheEntityBase {

    @Id
    public String asset;

    @Column(nullable = false)
    public boolean tripped;

    @Column(name = "tripped_at")
    public Instant trippedAt;

    /** The tick before the drop. */
    @Column(name = "previous_price")
    public BigDecimal previousPrice;

    /** The tick that tripped it. */
    @Column(name = "tripping_price")
    public BigDecimal trippingPrice;

    /** The source of the tick that tripped it. */
    @Column(name = "tripping_source")
    public String trippingSource;

    @Column(name = "reset_by")
    public String resetBy;

    @Column(name = "reset_at")
    public Instant resetAt;

    @Version
    public long version;
}
