package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything one price tick means for one loan: its zone (with hysteresis), a margin call (on entering RED,
 * repeated while RED), an automatic top-up request (on entering ORANGE or worse with auto increase on), and
 * the liquidation trigger. Calls and top-ups are for ACTIVE loans only: a loan being liquidated is locked.
 */
public final class MarginAssessor {

    /** What margin-service knows of a loan before the tick. */
    public record Snapshot(Zone zone, PositionStatus status, boolean triggered, Instant lastMarginCallAt,
                           int marginCallRepeat, BigDecimal debt, BigDecimal collateral, Thresholds thresholds,
                           boolean autoIncrease, int assetScale) {
    }

    /** A margin call to make: {@code repeat} is 0 on entering RED, then counts the repeats. */
    public record Call(int repeat, MarginCallTerms terms) {
    }

    /**
     * The outcome. {@code call} and {@code topUp} are null when there is none; {@code lastMarginCallAt} and
     * {@code marginCallRepeat} are the loan's margin-call state after the tick.
     */
    public record Assessment(BigDecimal ltv, Zone from, Zone to, Call call, BigDecimal topUp,
                             LiquidationTriggerRule.Decision trigger, Instant lastMarginCallAt,
                             int marginCallRepeat) {

        public boolean zoneChanged() {
            return from != to;
        }

        public boolean triggers() {
            return trigger == LiquidationTriggerRule.Decision.TRIGGER;
        }
    }

    private final ZoneRule zones;
    private final MarginCallSchedule calls;
    private final LiquidationTriggerRule liquidation;

    public MarginAssessor(ZoneRule zones, MarginCallSchedule calls, LiquidationTriggerRule liquidation) {
        this.zones = zones;
        this.calls = calls;
        this.liquidation = liquidation;
    }

    /**
     * Assesses {@code loan} at {@code price} observed at {@code observedAt}; {@code now} is the clock's time.
     *
     * @throws IllegalArgumentException when the loan has no collateral (its LTV is undefined)
     */
    public Assessment assess(Snapshot loan, BigDecimal price, Instant observedAt, boolean breakerTripped,
                             Instant now) {
        BigDecimal debt = loan.debt();
        BigDecimal collateral = loan.collateral();
        BigDecimal ltv = LtvMath.ltv(debt, collateral, price);
        Zone to = zones.next(loan.zone(), debt, collateral, price, loan.thresholds());
        boolean active = loan.status() == PositionStatus.ACTIVE;

        Call call = null;
        boolean stillRed = to == Zone.RED && loan.zone() == Zone.RED;
        Instant lastCallAt = stillRed ? loan.lastMarginCallAt() : null;
        int repeat = stillRed ? loan.marginCallRepeat() : 0;
        if (to == Zone.RED && active && calls.isDue(lastCallAt, observedAt)) {
            repeat = lastCallAt == null ? 0 : repeat + 1;
            lastCallAt = observedAt;
            call = new Call(repeat, MarginCallTerms.of(debt, collateral, price, loan.thresholds(), loan.assetScale()));
        }

        BigDecimal topUp = null;
        if (active && loan.autoIncrease() && to.isWorseThan(loan.zone()) && to != Zone.GREEN) {
            topUp = LtvMath.collateralToReach(debt, collateral, price, loan.thresholds().initial(), loan.assetScale());
        }

        var trigger = liquidation.decide(debt, collateral, price, loan.thresholds().liquidation(), loan.status(),
                loan.triggered(), observedAt, breakerTripped, now);
        return new Assessment(ltv, loan.zone(), to, call, topUp, trigger, lastCallAt, repeat);
    }
}
