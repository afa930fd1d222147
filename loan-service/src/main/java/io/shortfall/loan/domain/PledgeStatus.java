package io.shortfall.loan.domain;

/**
 * Collateral pledged to a debt case: {@code HELD} until the case releases it ({@code RETURNED}) or forfeits it
 * ({@code SELLING}, then {@code SOLD}).
 */
public enum PledgeStatus {
    HELD, RETURNED, SELLING, SOLD
}
