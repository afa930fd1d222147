package io.shortfall.loan.rest;

import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.UUID;

/** Collateral pledged from the caller's reserve of {@code asset} to secure their debt case: quantity as a JSON string. */
public record PledgeRequest(
        @NotNull UUID caseId,
        @NotNull @Size(max = Limits.CODE) String asset,
        @NotNull @Positive @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal quantity) {
}
