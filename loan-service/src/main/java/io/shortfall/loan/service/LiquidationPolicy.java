package io.shortfall.loan.service;

/** The liquidation policies of docs/DOMAIN.md, as configured per asset and carried by the events. */
public final class LiquidationPolicy {
    public static final String FULL = "FULL";
    public static final String PARTIAL = "PARTIAL";

    private LiquidationPolicy() {
    }
}
