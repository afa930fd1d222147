package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;

/**
 * The zone of a loan, with hysteresis (DOMAIN.md): moving to a worse zone happens as soon as the LTV reaches
 * its threshold (GREEN &lt; warning &le; ORANGE &lt; margin call &le; RED); moving toward safety needs the LTV
 * to be at least {@code hysteresis} (1 point, 0.01) below each boundary crossed. A price hovering on a
 * boundary therefore moves the zone once, not back and forth.
 */
public final class ZoneRule {

    /** One point of LTV. */
    public static final BigDecimal ONE_POINT = new BigDecimal("0.01");

    private final BigDecimal hysteresis;

    public ZoneRule(BigDecimal hysteresis) {
        if (hysteresis.signum() < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
        this.hysteresis = hysteresis;
    }

    public static ZoneRule standard() {
        return new ZoneRule(ONE_POINT);
    }

    /** The zone after seeing this LTV ({@code debt / (collateral × price)}) while in {@code current}. */
    public Zone next(Zone current, BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds) {
        Zone reached = reached(debt, collateral, price, thresholds);
        if (!current.isWorseThan(reached)) {
            return reached;
        }
        Zone released = released(debt, collateral, price, thresholds);
        return released.isWorseThan(current) ? current : released;
    }

    /** The zone by the thresholds alone: where the LTV stands. */
    public static Zone reached(BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds) {
        if (LtvMath.atOrAbove(debt, collateral, price, thresholds.marginCall())) {
            return Zone.RED;
        }
        if (LtvMath.atOrAbove(debt, collateral, price, thresholds.warning())) {
            return Zone.ORANGE;
        }
        return Zone.GREEN;
    }

    /** The safest zone the LTV is far enough below the boundaries to return to. */
    private Zone released(BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds) {
        if (!LtvMath.atOrBelow(debt, collateral, price, thresholds.marginCall().subtract(hysteresis))) {
            return Zone.RED;
        }
        if (!LtvMath.atOrBelow(debt, collateral, price, thresholds.warning().subtract(hysteresis))) {
            return Zone.ORANGE;
        }
        return Zone.GREEN;
    }
}
