package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The price circuit breaker (DOMAIN.md, MakerDAO's {@code ClipperMom}): a tick below {@code ratio} (50%) of
 * the previous tick of the same asset, observed within {@code window} (an hour) after it, trips the asset's
 * breaker. Compared exactly: {@code price < ratio × previous}. A tick from another source than the one that
 * tripped it, that sees the crash too (its price also below {@code ratio × previous}), confirms the price and
 * lifts the breaker.
 */
public final class CircuitBreakerRule {

    private final BigDecimal ratio;
    private final Duration window;

    public CircuitBreakerRule(BigDecimal ratio, Duration window) {
        if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the breaker ratio must be between 0 and 1");
        }
        this.ratio = ratio;
        this.window = window;
    }

    /**
     * Does {@code price} observed at {@code at} trip the breaker, after {@code previous} observed at
     * {@code previousAt}? False when there is no previous tick.
     */
    public boolean trips(BigDecimal previous, Instant previousAt, BigDecimal price, Instant at) {
        if (previous == null || previousAt == null) {
            return false;
        }
        boolean withinWindow = !at.isBefore(previousAt) && !at.isAfter(previousAt.plus(window));
        return withinWindow && price.compareTo(ratio.multiply(previous)) < 0;
    }

    /**
     * Does a tick from {@code source} at {@code price} confirm the crash that tripped the breaker: from another
     * source than {@code trippingSource}, and also below the rule's share of {@code previous}, the price before the
     * crash? False without a source, or without a known previous price.
     */
    public boolean confirms(String trippingSource, BigDecimal previous, String source, BigDecimal price) {
        if (source == null || source.isBlank() || source.equals(trippingSource) || previous == null) {
            return false;
        }
        return price.compareTo(ratio.multiply(previous)) < 0;
    }
}
