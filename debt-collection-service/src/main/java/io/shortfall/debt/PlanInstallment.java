package io.shortfall.debt;

import io.shortfall.debt.domain.Installment;
import io.shortfall.debt.domain.PlanSchedule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One payment of a plan's schedule, with what has been allocated to it. */
@Entity
@Table(name = "plan_installment")
public class PlanInstallment extends InstallmentRow {

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public BigDecimal paid;

    /** A row of a new plan: nothing paid yet. */
    public static PlanInstallment of(UUID planId, Installment installment) {
        PlanInstallment row = new PlanInstallment();
        row.scheduled(installment);
        row.planId = planId;
        row.paid = BigDecimal.ZERO.setScale(PlanSchedule.SCALE);
        return row;
    }
}
