package io.shortfall.notification.domain;

import java.time.Duration;

/**
 * When to try a failed email again: {@code first × 2^(attempts − 1)}, never longer than {@code max}; after
 * {@code maxAttempts} attempts the email is given up (FAILED, for an operator to retry).
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < first <= max and maxAttempts >= 1");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1: " + attempts);
        }
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Is the email given up after {@code attempts} failed attempts? */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
