package io.shortfall.loan.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** {@code POST /api/loans}: amounts as JSON strings. */
public record OpenLoanRequest(
        @NotBlank String collateralAsset,
        @NotNull @Positive BigDecimal collateralAmount,
        @NotNull @Positive BigDecimal principal,
        Boolean autoIncrease) {

    public boolean autoIncreaseOrDefault() {
        return Boolean.TRUE.equals(autoIncrease);
    }
}
