package io.shortfall.margin.rest;

import io.shortfall.margin.AssetPrice;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The latest price of an asset, its age by the service's clock, whether its breaker is tripped, and
 * {@code decidedThrough}: the observation time of the latest price whose decisions are all made (equal to
 * {@code observedAt} once every loan this price reached is decided; null before any).
 */
public record PriceView(@NotNull String asset, @NotNull BigDecimal price, @NotNull String source,
                        @NotNull Instant observedAt, @NotNull long ageSeconds, @NotNull boolean breakerTripped,
                        Instant decidedThrough) {

    public static PriceView of(AssetPrice price, Instant now, boolean breakerTripped, Instant decidedThrough) {
        return new PriceView(price.asset, price.price, price.source, price.observedAt,
                Duration.between(price.observedAt, now).toSeconds(), breakerTripped, decidedThrough);
    }
}
