package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code market.prices}: one observed price of a collateral asset in USDT. */
@JsonTypeName("PriceTick")
public record PriceTick(String asset, BigDecimal price, String source, Instant observedAt)
        implements EventPayload.KeyedByAsset {
}
