package io.shortfall.debt.rest;

import io.shortfall.debt.Plan;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.domain.Delinquency;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan (docs/API.md, "Debt case".plan): its schedule with what is paid on each installment and its status
 * ({@code PENDING}, {@code PARTIALLY_PAID}, {@code PAID}, {@code OVERDUE} past the grace days).
 */
public record PlanView(@NotNull UUID id, @NotNull UUID offerId, @NotNull String kind, @NotNull String status,
                       @NotNull BigDecimal amount, @NotNull BigDecimal paid, @NotNull BigDecimal outstanding,
                       @NotNull Instant startedAt, Instant endedAt, @NotNull List<Line> installments) {

    public record Line(@NotNull int n, @NotNull LocalDate dueDate, @NotNull BigDecimal amount, @NotNull BigDecimal paid,
                       @NotNull String status) {
    }

    public static PlanView of(Plan plan, List<PlanInstallment> rows, LocalDate today, Delinquency.Policy policy) {
        BigDecimal paid = rows.stream().map(r -> r.paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new PlanView(plan.id, plan.offerId, plan.kind, plan.status.name(), plan.amount, paid,
                plan.amount.subtract(paid), plan.startedAt, plan.endedAt, rows.stream()
                .map(r -> new Line(r.n, r.dueDate, r.amount, r.paid,
                        Delinquency.installmentStatus(r.installment(), r.paid, today, policy)))
                .toList());
    }
}
