package io.shortfall.margin.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a margin call is made (DOMAIN.md): on entering RED, then again while RED for every tick observed at
 * least {@code repeatEvery} (6 hours) after the last call. Time is the ticks' {@code observedAt}, so replaying
 * the same ticks makes the same calls.
 */
public final class MarginCallSchedule {

    private final Duration repeatEvery;

    public MarginCallSchedule(Duration repeatEvery) {
        if (repeatEvery.isNegative() || repeatEvery.isZero()) {
            throw new IllegalArgumentException("the repeat interval must be positive");
        }
        this.repeatEvery = repeatEvery;
    }

    /**
     * Is a call due at {@code now} for a loan that is RED after this tick?
     *
     * @param lastCallAt the last call of the current RED stretch, null when none was made yet
     */
    public boolean isDue(Instant lastCallAt, Instant now) {
        return lastCallAt == null || !now.isBefore(lastCallAt.plus(repeatEvery));
    }
}
