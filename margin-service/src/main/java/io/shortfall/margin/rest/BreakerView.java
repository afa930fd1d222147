package io.shortfall.margin.rest;

import io.shortfall.margin.Breaker;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** An asset's circuit breaker: the drop that tripped it last, and who reset it last. */
public record BreakerView(@NotNull String asset, @NotNull boolean tripped, Instant trippedAt, BigDecimal previousPrice,
                          BigDecimal trippingPrice, String resetBy, Instant resetAt, String trippingSource) {

    public static BreakerView of(Breaker breaker) {
        return new BreakerView(breaker.asset, breaker.tripped, breaker.trippedAt, breaker.previousPrice,
                breaker.trippingPrice, breaker.resetBy, breaker.resetAt, breaker.trippingSource);
    }
}
