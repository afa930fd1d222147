package io.shortfall.debt.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A request for a supervisor's approval is {@code PENDING} until one decides it: {@code APPROVED} or
 * {@code REJECTED}, final.
 */
public enum ApprovalStatus implements Lifecycle<ApprovalStatus> {
    PENDING, APPROVED, REJECTED;

    @Override
    public Set<ApprovalStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.noneOf(ApprovalStatus.class);
        };
    }
}
