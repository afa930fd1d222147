package io.shortfall.margin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest tick of a collateral asset consumed from {@code market.prices}. */
@Entity
@Table(name = "asset_price")
public class AssetPrice extends PanacheEntityBase {

    @Id
    public String asset;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public String source;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
}
