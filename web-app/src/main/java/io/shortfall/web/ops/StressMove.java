package io.shortfall.web.ops;

import io.shortfall.events.MoneyJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An operator types the price to try; margin-service's stress view takes a relative move of the latest price. The
 * move to 8 decimal places (its finest), rounded so that the stressed price is as close as the API allows.
 */
public final class StressMove {

    private StressMove() {
    }

    /** The move from {@code latest} to {@code target}; empty when the target is not a positive number. */
    public static Optional<BigDecimal> toReach(String target, BigDecimal latest) {
        if (latest == null || latest.signum() <= 0) {
            return Optional.empty();
        }
        return MoneyJson.plainDecimal(target).filter(p -> p.signum() > 0)
                .map(price -> price.subtract(latest).divide(latest, 8, RoundingMode.HALF_UP));
    }
}
