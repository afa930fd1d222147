package io.shortfall.liquidation.rest;

import io.shortfall.liquidation.InsuranceFundDraw;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The insurance fund: its balance (below zero when in deficit), what it started from, and its draws, newest first. */
public record InsuranceFundView(@NotNull String currency, @NotNull BigDecimal balance,
                                @NotNull BigDecimal initialBalance, @NotNull List<Draw> draws) {

    public record Draw(@NotNull UUID liquidationId, @NotNull UUID loanId, @NotNull BigDecimal amount,
                       @NotNull BigDecimal balanceAfter, @NotNull Instant at) {
        static Draw of(InsuranceFundDraw draw) {
            return new Draw(draw.liquidationId, draw.loanId, draw.amount, draw.balanceAfter, draw.drawnAt);
        }
    }
}
