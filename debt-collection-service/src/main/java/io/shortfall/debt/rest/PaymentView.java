package io.shortfall.debt.rest;

import io.shortfall.debt.Payment;
import io.shortfall.debt.PaymentAllocation;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment (docs/API.md, "Payment"): {@code APPLIED} or {@code REVERSED}, with where it went. */
public record PaymentView(@NotNull UUID id, @NotNull UUID caseId, @NotNull BigDecimal amount, @NotNull String status,
                          @NotNull List<Allocation> allocations, @NotNull Instant receivedAt, @NotNull String paidBy,
                          Instant reversedAt, String reversedBy, String reversalReason) {

    public record Allocation(@NotNull int n, @NotNull BigDecimal amount) {
    }

    public static PaymentView of(Payment payment, List<Allocation> allocations) {
        return new PaymentView(payment.id, payment.caseId, payment.amount, payment.status.name(), allocations,
                payment.receivedAt, payment.paidBy, payment.reversedAt, payment.reversedBy, payment.reversalReason);
    }

    public static List<Allocation> of(List<PaymentAllocation> rows) {
        return rows.stream().map(a -> new Allocation(a.n, a.amount)).toList();
    }
}
