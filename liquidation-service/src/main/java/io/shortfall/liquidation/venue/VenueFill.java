package io.shortfall.liquidation.venue;

import java.math.BigDecimal;
import java.time.Instant;

/** What the venue did with one order: all of {@code quantity} sold at {@code price}, at {@code at}. */
public record VenueFill(String clientOrderId, BigDecimal quantity, BigDecimal price, Instant at) {
}
