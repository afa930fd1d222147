package io.shortfall.events;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code market.prices}: one observed price of a collateral asset in USDT. */
public record PriceTick(String asset, BigDecimal price, String source, Instant observedAt) implements EventPayload {
    @Override
    public String aggregateId() {
        return asset;
    }
}
