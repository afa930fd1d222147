package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The price circuit breaker (docs/DOMAIN.md, MakerDAO's {@code ClipperMom}): a tick below {@code ratio} (50%) of the
 * highest price of the same asset observed within {@code window} (an hour) before it trips the asset's breaker,
 * however many ticks the fall took (1200 → 700 → 590 trips: 590 is below half of 1200). Compared exactly:
 * {@code price < ratio × high}. A tick from another source than the one that tripped it, that sees the crash too
 * (its price also below {@code ratio × high}), confirms the price and lifts the breaker.
 *
 * <p>Only the hour's high matters, so a store of the hour's ticks may drop every tick that a later tick at least
 * as high outlives ({@link #outlasts}): what is kept is bounded by the ticks of one hour, and in practice a
 * handful per asset.
 */
public final class CircuitBreakerRule {

    /** A tick: a price and when it was observed. */
    public record Observed(BigDecimal price, Instant at) {
    }

    private final BigDecimal ratio;
    private final Duration window;

    public CircuitBreakerRule(BigDecimal ratio, Duration window) {
        if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("the breaker ratio must be between 0 and 1");
        }
        this.ratio = ratio;
        this.window = window;
    }

    /** The earliest observation time of a tick that a tick observed at {@code at} is compared with. */
    public Instant windowStart(Instant at) {
        return at.minus(window);
    }

    /** The highest price among {@code earlier} observed within the window before {@code at}; null if none. */
    public BigDecimal high(Collection<Observed> earlier, Instant at) {
        Instant start = windowStart(at);
        BigDecimal high = null;
        for (Observed tick : earlier) {
            if (!tick.at().isBefore(start) && !tick.at().isAfter(at) && (high == null || tick.price().compareTo(high) > 0)) {
                high = tick.price();
            }
        }
        return high;
    }

    /** Does {@code price} trip the breaker, against the hour's {@code high} (null: no tick within the hour)? */
    public boolean trips(BigDecimal high, BigDecimal price) {
        return high != null && price.compareTo(ratio.multiply(high)) < 0;
    }

    /** Does {@code price} observed at {@code at} trip the breaker, after the ticks {@code earlier}? */
    public boolean trips(Collection<Observed> earlier, BigDecimal price, Instant at) {
        return trips(high(earlier, at), price);
    }

    /**
     * Does {@code newer} make {@code earlier} useless as a later tick's high: it is at least as high and leaves the
     * window after it.
     */
    public boolean outlasts(Observed newer, Observed earlier) {
        return !newer.at().isBefore(earlier.at()) && newer.price().compareTo(earlier.price()) >= 0;
    }

    /**
     * Does a tick from {@code source} at {@code price} confirm the crash that tripped the breaker: from another
     * source than {@code trippingSource}, and also below the rule's share of {@code high}, the hour's high the crash
     * was measured against? False without a source, or without a known high.
     */
    public boolean confirms(String trippingSource, BigDecimal high, String source, BigDecimal price) {
        if (source == null || source.isBlank() || source.equals(trippingSource) || high == null) {
            return false;
        }
        return price.compareTo(ratio.multiply(high)) < 0;
    }
}
