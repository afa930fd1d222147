package io.shortfall.margin.rest;

import java.math.BigDecimal;

/** {@code POST /api/prices}: the price as a JSON string; {@code source} defaults to the caller. */
public record PriceRequest(String asset, BigDecimal price, String source) {
}
