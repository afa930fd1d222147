package io.shortfall.loan.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** A repayment (USDT), a collateral top-up or a reserve deposit (the asset): {@code amount} as a JSON string. */
public record AmountRequest(
        @NotNull @Positive @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal amount) {
}
