package io.shortfall.loan.domain;

/**
 * An entry of a borrower's USDT balance: a debt payment is {@code PENDING} until debt-collection-service applies it
 * ({@code APPLIED}) or returns it ({@code RETURNED}); every other entry is {@code DONE}.
 */
public enum BalanceEntryStatus {
    DONE, PENDING, APPLIED, RETURNED
}
