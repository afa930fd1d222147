package io.shortfall.kit.projections;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest price of a collateral asset a service keeps from {@code market.prices}: the shape of its table
 * {@code asset_price}, which each service that needs prices maps in its own database with an entity of its own.
 */
@MappedSuperclass
public abstract class LatestAssetPrice extends PanacheEntityBase {

    @Id
    public String asset;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public String source;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
}
