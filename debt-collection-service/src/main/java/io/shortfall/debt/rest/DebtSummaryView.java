package io.shortfall.debt.rest;

import io.shortfall.debt.DebtCase;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A case in a list: its balance and status; {@code GET /api/debts/{id}} has the offers and timeline. */
public record DebtSummaryView(
        @NotNull UUID id,
        @NotNull String debtorId,
        @NotNull String status,
        @NotNull BigDecimal amount,
        @NotNull BigDecimal outstanding,
        @NotNull String currency,
        @NotNull UUID liquidationId,
        @NotNull UUID loanId,
        @NotNull Instant openedAt,
        @NotNull int daysPastDue,
        String bucket,
        String assignee) {

    public static DebtSummaryView of(DebtCase debtCase) {
        return new DebtSummaryView(debtCase.id, debtCase.debtorId, debtCase.status.name(), debtCase.amount,
                debtCase.outstanding, debtCase.currency, debtCase.liquidationId, debtCase.loanId, debtCase.openedAt,
                debtCase.daysPastDue, debtCase.bucket, debtCase.assignee);
    }
}
