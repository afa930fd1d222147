package io.shortfall.loan.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.UUID;

/** A payment from the caller's USDT balance to their debt case: {@code amount} as a JSON string. */
public record DebtPaymentRequest(
        @NotNull UUID caseId,
        @NotNull @Positive @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal amount) {
}
