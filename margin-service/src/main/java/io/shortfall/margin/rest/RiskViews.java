package io.shortfall.margin.rest;

import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.repository.PositionRepository;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies of {@code /api/risk/*}. */
public final class RiskViews {

    /** A number of loans and their debt (principal and accrued interest). */
    public record Bucket(@NotNull long loans, @NotNull BigDecimal debt) {
        static Bucket of(PositionRepository.Bucket bucket) {
            return new Bucket(bucket.loans(), bucket.debt().setScale(2));
        }
    }

    /** One asset's open loans (ACTIVE or being liquidated) by zone, and its breaker. */
    public record AssetRisk(@NotNull String asset, BigDecimal price, Instant priceObservedAt,
                            @NotNull boolean breakerTripped, @NotNull long loans, @NotNull BigDecimal debt,
                            @NotNull Map<Zone, Bucket> zones) {
    }

    /**
     * What a move of the asset's latest price would do: where the loans would stand (by the thresholds, without
     * hysteresis), the loans entering a worse zone than theirs, those at or above their liquidation LTV, and the
     * projected shortfall if those were sold at that price (the sum of {@code debt − collateral × price} where
     * positive, rounded up to the cent).
     */
    public record Stress(@NotNull String asset, @NotNull BigDecimal price, @NotNull BigDecimal move,
                         @NotNull BigDecimal stressedPrice, @NotNull long loans, @NotNull BigDecimal debt,
                         @NotNull Map<Zone, Bucket> zones, @NotNull Map<Zone, Bucket> entering,
                         @NotNull Bucket liquidated, @NotNull BigDecimal projectedShortfall) {
    }

    static Map<Zone, Bucket> buckets(Map<Zone, PositionRepository.Bucket> aggregates) {
        Map<Zone, Bucket> buckets = new LinkedHashMap<>();
        aggregates.forEach((zone, aggregate) -> buckets.put(zone, Bucket.of(aggregate)));
        return buckets;
    }

    static long loans(Map<Zone, PositionRepository.Bucket> aggregates) {
        return aggregates.values().stream().mapToLong(PositionRepository.Bucket::loans).sum();
    }

    static BigDecimal debt(Map<Zone, PositionRepository.Bucket> aggregates) {
        return aggregates.values().stream().map(PositionRepository.Bucket::debt).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add).setScale(2);
    }

    private RiskViews() {
    }
}
