package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything one price means for one loan, with the amounts the events state: the {@link MarginEngine}'s decision
 * (zone, margin call, top-up, trigger) and, where there is something to say, the LTV shown, the margin call's terms
 * and the collateral a top-up needs. The service decides every loan through here.
 */
public final class MarginAssessor {

    /** What margin-service knows of a loan before the price. */
    public record Snapshot(Zone zone, PositionStatus status, boolean triggered, Instant lastMarginCallAt,
                           int marginCallRepeat, BigDecimal debt, BigDecimal collateral, Thresholds thresholds,
                           boolean autoIncrease, int assetScale) {

        MarginEngine.State state() {
            return new MarginEngine.State(zone, status, triggered, false, autoIncrease, lastMarginCallAt,
                    marginCallRepeat);
        }
    }

    /** A margin call to make: {@code repeat} is 0 on entering RED, then counts the repeats. */
    public record Call(int repeat, MarginCallTerms terms) {
    }

    /**
     * The outcome. {@code ltv} is null when nothing is emitted (it is computed only for the events); {@code call}
     * and {@code topUp} are null when there is none; {@code decision} is the engine's.
     */
    public record Assessment(BigDecimal ltv, Call call, BigDecimal topUp, MarginEngine.Decision decision) {

        public Zone from() {
            return decision.from();
        }

        public Zone to() {
            return decision.to();
        }

        public boolean zoneChanged() {
            return decision.zoneChanged();
        }

        public boolean triggers() {
            return decision.triggers();
        }

        public MarginEngine.Trigger trigger() {
            return decision.trigger();
        }

        public Instant lastMarginCallAt() {
            return decision.lastMarginCallAt();
        }

        public int marginCallRepeat() {
            return decision.marginCallRepeat();
        }
    }

    private final MarginEngine engine;

    public MarginAssessor(MarginEngine engine) {
        this.engine = engine;
    }

    public MarginAssessor(RiskRules rules) {
        this(new MarginEngine(rules));
    }

    public MarginEngine engine() {
        return engine;
    }

    /** The loan's boundaries under these rules. */
    public Boundaries boundaries(BigDecimal debt, BigDecimal collateral, Thresholds thresholds) {
        return Boundaries.of(debt, collateral, thresholds, engine.rules().hysteresis());
    }

    /**
     * Assesses {@code loan} at {@code price} observed at {@code observedAt}; {@code now} is the clock's time.
     *
     * @throws IllegalArgumentException when the loan has no collateral (its LTV is undefined) or the price is not
     *                                  one the engine takes ({@link PriceKey})
     */
    public Assessment assess(Snapshot loan, BigDecimal price, Instant observedAt, boolean breakerTripped,
                             Instant now) {
        return assess(loan, boundaries(loan.debt(), loan.collateral(), loan.thresholds()), price, observedAt,
                breakerTripped, now);
    }

    /** The same with the loan's boundaries already at hand. */
    public Assessment assess(Snapshot loan, Boundaries boundaries, BigDecimal price, Instant observedAt,
                             boolean breakerTripped, Instant now) {
        if (loan.collateral().signum() <= 0) {
            throw new IllegalArgumentException("collateral must be positive");
        }
        MarginEngine.Decision d = engine.decide(loan.state(), boundaries, PriceKey.of(price), observedAt, now,
                breakerTripped);
        if (!d.emitsAnything()) {
            return new Assessment(null, null, null, d);
        }
        BigDecimal shown = price.setScale(LtvMath.PRICE_SCALE);
        BigDecimal ltv = LtvMath.ltv(loan.debt(), loan.collateral(), shown);
        Call call = d.call() ? new Call(d.marginCallRepeat(), MarginCallTerms.of(loan.debt(), loan.collateral(),
                shown, loan.thresholds(), loan.assetScale())) : null;
        BigDecimal topUp = d.topUp() ? LtvMath.collateralToReach(loan.debt(), loan.collateral(), shown,
                loan.thresholds().initial(), loan.assetScale()) : null;
        return new Assessment(ltv, call, topUp, d);
    }
}
