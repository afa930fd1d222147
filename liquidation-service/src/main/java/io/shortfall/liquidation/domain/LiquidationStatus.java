package io.shortfall.liquidation.domain;

/** This milestone sells synchronously: a recorded liquidation is COMPLETED. Queued and in-progress come with the cap. */
public enum LiquidationStatus {
    COMPLETED
}
