package io.shortfall.notification.domain;

import java.time.Duration;

/**
 * How the sender spends the lease of a claim: an email may start being sent in the first two fifths of it
 * ({@link #sendingWindow}), the SMTP server then has half of it to accept ({@link #smtpTimeout}), and the last tenth
 * is kept to record the answer; after the lease another sender may take the email. An email a slowed round cannot
 * start in its window is given back instead, so no two senders ever have it at once. With a rate limit, a round
 * claims no more than it can start in that window ({@link #roundSize}).
 */
public final class ClaimLease {

    private ClaimLease() {
    }

    /** From the claim, how long its emails may still start being sent. */
    public static Duration sendingWindow(Duration lease) {
        return lease.multipliedBy(2).dividedBy(5);
    }

    /** How long the SMTP server has to accept an email. */
    public static Duration smtpTimeout(Duration lease) {
        return lease.dividedBy(2);
    }

    /**
     * How many emails a round may claim: {@code batchSize}, but with a rate ({@code perSecond} above 0) no more than
     * it starts in the sending window, and at least one.
     */
    public static int roundSize(int batchSize, double perSecond, Duration lease) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a round claims at least one email, not " + batchSize);
        }
        if (perSecond <= 0) {
            return batchSize;
        }
        return (int) Math.max(1, Math.min(batchSize, Math.floor(perSecond * sendingWindow(lease).toMillis() / 1000.0)));
    }

    /**
     * Refuses a rate too slow for the lease: a round's one email would wait for its turn past the sending window, be
     * given back, and never be sent.
     */
    public static void check(double perSecond, Duration lease) {
        if (perSecond > 0 && perSecond * sendingWindow(lease).toMillis() < 1000) {
            throw new IllegalArgumentException("shortfall.mail.max-per-second (" + perSecond
                    + ") must allow an email in two fifths of shortfall.mail.claim-lease (" + lease + ")");
        }
    }
}
