package io.shortfall.debt.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of a repayment plan: {@code ACTIVE}, {@code DELINQUENT} while an installment is overdue (both live,
 * and each may become the other), then {@code COMPLETED}, {@code BROKEN} or {@code CANCELLED}. A completed plan is
 * {@code ACTIVE} again when a payment that completed it is reversed; a broken or cancelled one is final.
 */
public enum PlanStatus implements Lifecycle<PlanStatus> {
    ACTIVE, DELINQUENT, BROKEN, COMPLETED, CANCELLED;

    /** The statuses of a plan that still runs: one per case at most (the index plan_live_per_case). */
    public static final Set<PlanStatus> LIVE = Set.of(ACTIVE, DELINQUENT);

    public boolean live() {
        return LIVE.contains(this);
    }

    @Override
    public Set<PlanStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(DELINQUENT, BROKEN, COMPLETED, CANCELLED);
            case DELINQUENT -> EnumSet.of(ACTIVE, BROKEN, COMPLETED, CANCELLED);
            case COMPLETED -> EnumSet.of(ACTIVE);
            case BROKEN, CANCELLED -> EnumSet.noneOf(PlanStatus.class);
        };
    }
}
