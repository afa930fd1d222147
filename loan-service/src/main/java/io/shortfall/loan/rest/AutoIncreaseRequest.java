package io.shortfall.loan.rest;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/loans/{id}/auto-increase}. */
public record AutoIncreaseRequest(@NotNull Boolean enabled) {
}
