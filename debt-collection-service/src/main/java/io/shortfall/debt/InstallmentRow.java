package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.Installment;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One payment of a schedule as it is stored: its number, due date and amount. An offer's schedule
 * ({@link OfferInstallment}) and a plan's ({@link PlanInstallment}) are each a table of these.
 */
@MappedSuperclass
public abstract class InstallmentRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int n;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal amount;

    /** A new row for {@code installment}. */
    protected InstallmentRow scheduled(Installment installment) {
        id = UUID.randomUUID();
        n = installment.n();
        dueDate = installment.dueDate();
        amount = installment.amount();
        return this;
    }

    public Installment installment() {
        return new Installment(n, dueDate, amount);
    }
}
