package io.shortfall.loan.rest;

import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** {@code POST /api/loans}: amounts as JSON strings, bounded well within the database's numeric columns. */
public record OpenLoanRequest(
        @NotBlank @Size(max = Limits.CODE) String collateralAsset,
        @NotNull @Positive @DecimalMax(value = "1000000000", message = "at most 1000000000") BigDecimal collateralAmount,
        @NotNull @Positive @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal principal,
        Boolean autoIncrease) {

    public boolean autoIncreaseOrDefault() {
        return Boolean.TRUE.equals(autoIncrease);
    }
}
