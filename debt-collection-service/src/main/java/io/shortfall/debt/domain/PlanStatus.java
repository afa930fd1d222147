package io.shortfall.debt.domain;

/**
 * The statuses of a repayment plan: {@code ACTIVE}, {@code DELINQUENT} while an installment is overdue (both live),
 * then {@code COMPLETED}, {@code BROKEN} or {@code CANCELLED}.
 */
public enum PlanStatus {
    ACTIVE, DELINQUENT, BROKEN, COMPLETED, CANCELLED;

    /** Whether a plan in this status still runs: one per case at most. */
    public boolean live() {
        return this == ACTIVE || this == DELINQUENT;
    }
}
