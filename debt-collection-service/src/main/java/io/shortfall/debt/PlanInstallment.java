package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.Installment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One payment of a plan's schedule, with what has been allocated to it. */
@Entity
@Table(name = "plan_installment")
public class PlanInstallment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int n;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public BigDecimal paid;

    public Installment installment() {
        return new Installment(n, dueDate, amount);
    }
}
