package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The parameters of the margin rules (DOMAIN defaults: 1 point of hysteresis, a margin call repeated every 6 hours
 * while RED, a price older than 5 minutes is stale). A loan's thresholds come with the loan.
 */
public record RiskRules(BigDecimal hysteresis, Duration marginCallRepeat, Duration priceMaxAge) {

    /** One point of LTV. */
    public static final BigDecimal ONE_POINT = new BigDecimal("0.01");

    public RiskRules {
        if (hysteresis.signum() < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
        if (marginCallRepeat.isNegative() || marginCallRepeat.isZero()) {
            throw new IllegalArgumentException("the repeat interval must be positive");
        }
    }

    public static RiskRules standard() {
        return new RiskRules(ONE_POINT, Duration.ofHours(6), Duration.ofMinutes(5));
    }
}
