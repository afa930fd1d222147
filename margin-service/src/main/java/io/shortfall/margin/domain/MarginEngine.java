package io.shortfall.margin.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The margin rules, in integers: what a price means for one loan, and which prices and times will next concern it.
 * Every decision margin-service makes goes through {@link #decide} (on a tick, on a change of the loan, on the
 * passage of time), and {@link #keys} says when the loan must be decided again, so the service asks the database
 * only for the loans a price or the clock has reached.
 *
 * <ul>
 *   <li><b>Zones</b> with hysteresis: a worse zone as soon as its threshold is reached (GREEN &lt; warning &le;
 *   ORANGE &lt; margin call &le; RED); a safer one only once the LTV is at least the hysteresis (1 point) below
 *   each boundary crossed, so a price hovering on a boundary moves the zone once.</li>
 *   <li><b>Margin call</b>: on entering RED, then again while RED once {@code marginCallRepeat} (6 hours) has passed
 *   since the last call, by the service's clock. ACTIVE loans only.</li>
 *   <li><b>Auto increase</b>: a top-up is requested when an ACTIVE loan with auto increase on enters ORANGE or RED.</li>
 *   <li><b>Liquidation</b>: at or above the liquidation LTV, ACTIVE, not yet triggered (once, until loan-service
 *   declines it), on a fresh price (observed at most {@code priceMaxAge} ago by the clock; a price from the future
 *   is not stale) and with the asset's breaker closed. A loan refused only for a stale price or the breaker is
 *   <em>held</em>: decided again on the next fresh price with the breaker closed.</li>
 * </ul>
 */
public final class MarginEngine {

    /** Why a loan was or was not triggered. */
    public enum Trigger {
        TRIGGER, BELOW_THRESHOLD, NOT_ACTIVE, ALREADY_TRIGGERED, STALE_PRICE, BREAKER_TRIPPED;

        /** Refused for the price's age or the breaker only: to decide again once the price is fresh and sane. */
        public boolean holds() {
            return this == STALE_PRICE || this == BREAKER_TRIPPED;
        }
    }

    /** What the engine knows of a loan between decisions. */
    public record State(Zone zone, PositionStatus status, boolean triggered, boolean held, boolean autoIncrease,
                        Instant lastMarginCallAt, int marginCallRepeat) {
    }

    /**
     * One decision. {@code call} is true when a margin call is made ({@code marginCallRepeat} 0 for the first of a
     * RED stretch); {@code lastMarginCallAt} and {@code marginCallRepeat} are the loan's margin-call state after it.
     */
    public record Decision(Zone from, Zone to, boolean call, int marginCallRepeat, Instant lastMarginCallAt,
                           boolean topUp, Trigger trigger) {

        public boolean zoneChanged() {
            return from != to;
        }

        public boolean triggers() {
            return trigger == Trigger.TRIGGER;
        }

        public boolean emitsAnything() {
            return zoneChanged() || call || topUp || triggers();
        }

        /** The loan's state once this decision is applied. */
        public State after(State before) {
            return new State(to, before.status(), before.triggered() || triggers(), trigger.holds(),
                    before.autoIncrease(), lastMarginCallAt, marginCallRepeat);
        }
    }

    /**
     * When the loan must be decided again: at a price at or below {@code fallsAt} (its next worse zone, or its
     * liquidation), at or above {@code risesAt} (its release), or at {@code callDueAt} by the clock (its next
     * margin call). Null: never by that measure.
     */
    public record Keys(Long fallsAt, Long risesAt, Instant callDueAt) {
        public static final Keys NONE = new Keys(null, null, null);
    }

    private final RiskRules rules;
    private final Duration repeat;

    public MarginEngine(RiskRules rules) {
        this.rules = rules;
        this.repeat = rules.marginCallRepeat();
    }

    public RiskRules rules() {
        return rules;
    }

    /**
     * Decides the loan in {@code state} with {@code boundaries} at the price key {@code p}, observed at
     * {@code observedAt}; {@code now} is the clock's time.
     */
    public Decision decide(State state, Boundaries boundaries, long p, Instant observedAt, Instant now,
                           boolean breakerTripped) {
        Zone from = state.zone();
        Zone reached = boundaries.reached(p);
        Zone to = reached;
        if (from.isWorseThan(reached)) {
            Zone released = boundaries.released(p);
            to = released.isWorseThan(from) ? from : released;
        }
        boolean active = state.status() == PositionStatus.ACTIVE;
        boolean stillRed = to == Zone.RED && from == Zone.RED;
        Instant last = stillRed ? state.lastMarginCallAt() : null;
        int repeatCount = stillRed ? state.marginCallRepeat() : 0;
        boolean call = false;
        if (to == Zone.RED && active && (last == null || !now.isBefore(last.plus(repeat)))) {
            repeatCount = last == null ? 0 : repeatCount + 1;
            last = now;
            call = true;
        }
        boolean topUp = active && state.autoIncrease() && to.isWorseThan(from) && to != Zone.GREEN;
        return new Decision(from, to, call, repeatCount, last, topUp,
                trigger(state, boundaries.liquidates(p), observedAt, now, breakerTripped));
    }

    private Trigger trigger(State state, boolean atLiquidation, Instant observedAt, Instant now, boolean breaker) {
        if (!atLiquidation) {
            return Trigger.BELOW_THRESHOLD;
        }
        if (state.status() != PositionStatus.ACTIVE) {
            return Trigger.NOT_ACTIVE;
        }
        if (state.triggered()) {
            return Trigger.ALREADY_TRIGGERED;
        }
        if (isStale(observedAt, now)) {
            return Trigger.STALE_PRICE;
        }
        return breaker ? Trigger.BREAKER_TRIPPED : Trigger.TRIGGER;
    }

    /** Older than the maximum age at {@code now}. A price from the future is not stale. */
    public boolean isStale(Instant observedAt, Instant now) {
        return Duration.between(observedAt, now).compareTo(rules.priceMaxAge()) > 0;
    }

    /**
     * When the loan in {@code state} must next be decided. A CLOSED loan never is; nor one without collateral (its
     * LTV is undefined). A held loan's liquidation waits for a fresh price with the breaker closed (the service
     * looks for held loans itself then), so it is not among what a falling price reaches.
     */
    public Keys keys(State state, Boundaries b, boolean hasCollateral) {
        if (state.status() == PositionStatus.CLOSED || !hasCollateral) {
            return Keys.NONE;
        }
        boolean active = state.status() == PositionStatus.ACTIVE;
        long liquidation = active && !state.triggered() && !state.held() ? b.liquidationAt() : Boundaries.NEVER_BELOW;
        long below = switch (state.zone()) {
            case GREEN -> Math.max(Math.max(b.orangeAt(), b.redAt()), liquidation);
            case ORANGE -> Math.max(b.redAt(), liquidation);
            case RED -> liquidation;
        };
        long above = switch (state.zone()) {
            case GREEN -> Boundaries.NEVER_ABOVE;
            case ORANGE -> b.orangeReleasedAt();
            case RED -> b.redReleasedAt();
        };
        Instant due = null;
        if (state.zone() == Zone.RED && active) {
            due = state.lastMarginCallAt() == null ? Instant.EPOCH : saturatedPlus(state.lastMarginCallAt());
        }
        return new Keys(below == Boundaries.NEVER_BELOW ? null : below,
                above == Boundaries.NEVER_ABOVE ? null : above, due);
    }

    private Instant saturatedPlus(Instant last) {
        Instant max = Instant.parse("9999-12-31T23:59:59Z");
        return last.isAfter(max.minus(repeat)) ? max : last.plus(repeat);
    }
}
