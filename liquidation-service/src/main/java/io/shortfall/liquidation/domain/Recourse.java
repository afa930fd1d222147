package io.shortfall.liquidation.domain;

/** Who bears a shortfall: the borrower (a negative balance, collected) or the insurance fund. */
public enum Recourse {
    RECOURSE, NON_RECOURSE
}
