package io.shortfall.loan.rest;

import io.shortfall.loan.Pledge;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A pledge as its borrower sees it (quantity as a JSON string). {@code status}: {@code HELD} (taken from the reserve,
 * securing the case), {@code RETURNED} (back in the reserve; {@code note} says why), {@code SELLING} (the plan broke:
 * being sold), {@code SOLD} ({@code note}: what it raised and where that went).
 */
public record PledgeView(@NotNull UUID id, @NotNull UUID caseId, @NotNull String asset, @NotNull BigDecimal quantity,
                         @NotNull @Schema(enumeration = {"HELD", "RETURNED", "SELLING", "SOLD"}) String status,
                         String note, @NotNull Instant createdAt, @NotNull Instant updatedAt) {

    static PledgeView of(Pledge p) {
        return new PledgeView(p.id, p.caseId, p.asset, p.quantity, p.status.name(), p.note, p.createdAt, p.updatedAt);
    }
}
