package io.shortfall.loan.rest;

import io.shortfall.loan.BalanceEntry;
import io.shortfall.loan.service.Balances;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's USDT balance and its movements, newest first (amounts as JSON strings, signed). */
public record BalanceView(@NotNull String currency, @NotNull BigDecimal balance, @NotNull List<Entry> entries) {

    /**
     * One movement. {@code kind}: {@code SURPLUS}, {@code WITHDRAWAL}, {@code DEBT_PAYMENT},
     * {@code DEBT_PAYMENT_RETURNED}, {@code PLEDGE_SURPLUS}; {@code status}: {@code DONE}, or for a debt payment {@code PENDING} until the
     * case answers, then {@code APPLIED} or {@code RETURNED}; {@code reference}: the liquidation (surplus), the case
     * (debt payment) the returned payment's entry, or the pledge (pledge surplus); {@code note}: why a debt payment was returned.
     */
    public record Entry(@NotNull UUID id, @NotNull @Schema(enumeration = {"SURPLUS", "WITHDRAWAL", "DEBT_PAYMENT",
            "DEBT_PAYMENT_RETURNED", "PLEDGE_SURPLUS"}) String kind, @NotNull BigDecimal amount,
                        @NotNull BigDecimal balanceAfter, String reference,
                        @NotNull @Schema(enumeration = {"DONE", "PENDING", "APPLIED", "RETURNED"}) String status,
                        String note, @NotNull Instant at) {

        static Entry of(BalanceEntry e) {
            return new Entry(e.id, e.kind, e.amount, e.balanceAfter, e.reference, e.status.name(), e.note, e.at);
        }
    }

    static BalanceView of(Balances.Statement statement) {
        return new BalanceView(statement.currency(), statement.balance(),
                statement.entries().stream().map(Entry::of).toList());
    }
}
