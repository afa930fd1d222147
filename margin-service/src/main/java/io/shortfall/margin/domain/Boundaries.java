package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The prices at which a loan crosses its thresholds, as {@link PriceKey}s, computed exactly once per change of its
 * debt, collateral or thresholds: the highest price at which it is ORANGE, RED and to be liquidated
 * ({@code debt / (LTV × collateral)} rounded down: a price {@code p} of at most 8 decimals reaches the LTV exactly
 * when {@code p ≤} it), and the lowest prices at which it is released from ORANGE and from RED with the hysteresis
 * ({@code debt / ((LTV − hysteresis) × collateral)} rounded up: released when {@code p ≥} it). With them every
 * decision is a comparison of integers; {@code Long.MAX_VALUE} and {@code Long.MIN_VALUE} stand for "at every
 * price" and "at no price".
 */
public record Boundaries(long orangeAt, long redAt, long liquidationAt, long orangeReleasedAt, long redReleasedAt) {

    /** "{@code p ≤ key}" for every price. */
    static final long ALWAYS_BELOW = Long.MAX_VALUE;
    /** "{@code p ≤ key}" for no price. */
    static final long NEVER_BELOW = Long.MIN_VALUE;
    /** "{@code p ≥ key}" for no price. */
    static final long NEVER_ABOVE = Long.MAX_VALUE;
    /** "{@code p ≥ key}" for every price. */
    static final long ALWAYS_ABOVE = Long.MIN_VALUE;

    public static Boundaries of(BigDecimal debt, BigDecimal collateral, Thresholds thresholds, BigDecimal hysteresis) {
        return new Boundaries(
                highestPriceAtOrAbove(debt, collateral, thresholds.warning()),
                highestPriceAtOrAbove(debt, collateral, thresholds.marginCall()),
                highestPriceAtOrAbove(debt, collateral, thresholds.liquidation()),
                lowestPriceAtOrBelow(debt, collateral, thresholds.warning().subtract(hysteresis)),
                lowestPriceAtOrBelow(debt, collateral, thresholds.marginCall().subtract(hysteresis)));
    }

    /** The zone by the thresholds alone, without hysteresis: where the LTV stands at the price {@code p}. */
    public Zone reached(long p) {
        return p <= redAt ? Zone.RED : p <= orangeAt ? Zone.ORANGE : Zone.GREEN;
    }

    /** At or above the liquidation LTV at the price {@code p}. */
    public boolean liquidates(long p) {
        return p <= liquidationAt;
    }

    /** The safest zone the LTV is far enough below the boundaries to return to at the price {@code p}. */
    Zone released(long p) {
        return p < redReleasedAt ? Zone.RED : p < orangeReleasedAt ? Zone.ORANGE : Zone.GREEN;
    }

    /**
     * The highest key {@code k} such that, for a price {@code p} of 8 decimals,
     * {@code debt ≥ ratio × collateral × p ⇔ p·10⁸ ≤ k}.
     */
    static long highestPriceAtOrAbove(BigDecimal debt, BigDecimal collateral, BigDecimal ratio) {
        BigDecimal factor = ratio.multiply(collateral);
        if (factor.signum() <= 0) {
            return debt.signum() >= 0 ? ALWAYS_BELOW : NEVER_BELOW;
        }
        BigInteger k = debt.movePointRight(PriceKey.SCALE).divide(factor, 0, RoundingMode.FLOOR).toBigIntegerExact();
        return PriceKey.clamp(k);
    }

    /** The lowest key {@code k} such that {@code debt ≤ ratio × collateral × p ⇔ p·10⁸ ≥ k}. */
    static long lowestPriceAtOrBelow(BigDecimal debt, BigDecimal collateral, BigDecimal ratio) {
        BigDecimal factor = ratio.multiply(collateral);
        if (factor.signum() <= 0) {
            boolean holds = factor.signum() == 0 ? debt.signum() <= 0 : debt.signum() < 0;
            return holds ? ALWAYS_ABOVE : NEVER_ABOVE;
        }
        BigInteger k = debt.movePointRight(PriceKey.SCALE).divide(factor, 0, RoundingMode.CEILING).toBigIntegerExact();
        return PriceKey.clamp(k);
    }
}
