package io.shortfall.debt.domain;

/** A request for a supervisor's approval is {@code PENDING} until one decides it: {@code APPROVED} or {@code REJECTED}. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
