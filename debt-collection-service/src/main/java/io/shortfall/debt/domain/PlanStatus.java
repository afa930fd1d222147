package io.shortfall.debt.domain;

import java.util.Set;

/**
 * The statuses of a repayment plan: {@code ACTIVE}, {@code DELINQUENT} while an installment is overdue (both live),
 * then {@code COMPLETED}, {@code BROKEN} or {@code CANCELLED}.
 */
public enum PlanStatus {
    ACTIVE, DELINQUENT, BROKEN, COMPLETED, CANCELLED;

    /** The statuses of a plan that still runs: one per case at most (the index plan_live_per_case). */
    public static final Set<PlanStatus> LIVE = Set.of(ACTIVE, DELINQUENT);

    public boolean live() {
        return LIVE.contains(this);
    }
}
