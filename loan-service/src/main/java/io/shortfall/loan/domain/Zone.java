package io.shortfall.loan.domain;

/** GREEN below the warning LTV, ORANGE from it, RED from the margin-call LTV (margin-service decides). */
public enum Zone {
    GREEN, ORANGE, RED
}
