package io.shortfall.loan.domain;

/** ACTIVE loans may change; LIQUIDATING is the lock of a sale; LIQUIDATED and REPAID are closed. */
public enum LoanStatus {
    ACTIVE, LIQUIDATING, LIQUIDATED, REPAID
}
