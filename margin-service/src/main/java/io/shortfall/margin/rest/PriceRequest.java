package io.shortfall.margin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code POST /api/prices}: the price as a JSON string; {@code source} defaults to the caller. */
public record PriceRequest(@Schema(required = true) @Size(max = Limits.CODE) String asset,
                           @Schema(required = true) @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal price,
                           @Size(max = Limits.NAME) String source) {
}
