package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * When automatic liquidation is triggered (DOMAIN.md, "Liquidation"): the LTV is at or above the liquidation
 * LTV (compared exactly), the loan is ACTIVE and was not triggered yet (a loan is triggered once, until
 * loan-service declines it), the price is fresh (observed no longer than {@code maxPriceAge} ago by the
 * clock) and the asset's circuit breaker is not tripped.
 */
public final class LiquidationTriggerRule {

    /** The outcome, with the reason when it is not {@link #TRIGGER}. */
    public enum Decision {
        TRIGGER, BELOW_THRESHOLD, NOT_ACTIVE, ALREADY_TRIGGERED, STALE_PRICE, BREAKER_TRIPPED
    }

    private final Duration maxPriceAge;

    public LiquidationTriggerRule(Duration maxPriceAge) {
        this.maxPriceAge = maxPriceAge;
    }

    public Decision decide(BigDecimal debt, BigDecimal collateral, BigDecimal price, BigDecimal liquidationLtv,
                           PositionStatus status, boolean alreadyTriggered, Instant priceObservedAt,
                           boolean breakerTripped, Instant now) {
        if (!LtvMath.atOrAbove(debt, collateral, price, liquidationLtv)) {
            return Decision.BELOW_THRESHOLD;
        }
        if (status != PositionStatus.ACTIVE) {
            return Decision.NOT_ACTIVE;
        }
        if (alreadyTriggered) {
            return Decision.ALREADY_TRIGGERED;
        }
        if (isStale(priceObservedAt, now)) {
            return Decision.STALE_PRICE;
        }
        if (breakerTripped) {
            return Decision.BREAKER_TRIPPED;
        }
        return Decision.TRIGGER;
    }

    /** Older than the maximum age at {@code now}. A tick from the future is not stale. */
    public boolean isStale(Instant observedAt, Instant now) {
        return Duration.between(observedAt, now).compareTo(maxPriceAge) > 0;
    }
}
