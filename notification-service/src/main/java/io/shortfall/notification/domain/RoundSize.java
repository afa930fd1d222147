package io.shortfall.notification.domain;

import java.time.Duration;

/**
 * How many emails one round of the sender may claim. Its claims last a lease, and each email is given half of it to
 * be accepted; with a rate limit, a round of {@code batch-size} could outlast its lease while its emails wait for
 * their turn, and another replica would send them too. So with a rate a round claims no more than it sends in half
 * a lease.
 */
public final class RoundSize {

    private RoundSize() {
    }

    /**
     * {@code batchSize}, or with a rate ({@code perSecond} above 0) no more than it sends in half of {@code lease},
     * and at least one.
     */
    public static int of(int batchSize, double perSecond, Duration lease) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a round claims at least one email, not " + batchSize);
        }
        if (perSecond <= 0) {
            return batchSize;
        }
        return (int) Math.max(1, Math.min(batchSize, Math.floor(perSecond * lease.toMillis() / 2000.0)));
    }

    /**
     * Refuses a rate too slow for the lease: a round's one email would wait for its turn past half its lease, be
     * left for a later round, and never be sent.
     */
    public static void check(double perSecond, Duration lease) {
        if (perSecond > 0 && perSecond * lease.toMillis() < 2000) {
            throw new IllegalArgumentException("shortfall.mail.max-per-second (" + perSecond
                    + ") must allow an email in half of shortfall.mail.claim-lease (" + lease + ")");
        }
    }
}
