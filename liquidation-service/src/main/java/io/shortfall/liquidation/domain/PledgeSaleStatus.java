package io.shortfall.liquidation.domain;

/** A forfeited pledge to sell: {@code PENDING} until it is sold ({@code SOLD}). */
public enum PledgeSaleStatus {
    PENDING, SOLD
}
