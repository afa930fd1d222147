package io.shortfall.margin.rest;

import io.shortfall.margin.AssetPrice;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The latest price of an asset, its age by the service's clock, and whether its breaker is tripped. */
public record PriceView(String asset, BigDecimal price, String source, Instant observedAt, long ageSeconds,
                        boolean breakerTripped) {

    public static PriceView of(AssetPrice price, Instant now, boolean breakerTripped) {
        return new PriceView(price.asset, price.price, price.source, price.observedAt,
                Duration.between(price.observedAt, now).toSeconds(), breakerTripped);
    }
}
