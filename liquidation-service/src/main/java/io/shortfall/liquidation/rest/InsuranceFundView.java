package io.shortfall.liquidation.rest;

import io.shortfall.liquidation.InsuranceFundDraw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The insurance fund: its balance (below zero when in deficit), what it started from, and its draws, newest first. */
public record InsuranceFundView(String currency, BigDecimal balance, BigDecimal initialBalance, List<Draw> draws) {

    public record Draw(UUID liquidationId, UUID loanId, BigDecimal amount, BigDecimal balanceAfter, Instant at) {
        static Draw of(InsuranceFundDraw draw) {
            return new Draw(draw.liquidationId, draw.loanId, draw.amount, draw.balanceAfter, draw.drawnAt);
        }
    }
}
