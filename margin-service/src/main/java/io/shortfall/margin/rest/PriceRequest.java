package io.shortfall.margin.rest;

import jakarta.validation.constraints.DecimalMax;
import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code POST /api/prices}: the price as a JSON string; {@code source} defaults to the caller. */
public record PriceRequest(@Size(max = Limits.CODE) String asset, @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal price,
                           @Size(max = Limits.NAME) String source) {
}
