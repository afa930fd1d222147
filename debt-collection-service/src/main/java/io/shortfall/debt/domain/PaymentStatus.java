package io.shortfall.debt.domain;

/** A payment is {@code APPLIED} to the debt, until an agent reverses it ({@code REVERSED}). */
public enum PaymentStatus {
    APPLIED, REVERSED
}
