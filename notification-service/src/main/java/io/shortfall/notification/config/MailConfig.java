package io.shortfall.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The email sender's rhythm and retry policy. */
@ConfigMapping(prefix = "shortfall.mail")
public interface MailConfig {

    /** How often the sender looks for emails that are due. */
    @WithDefault("PT0.5S")
    Duration sendEvery();

    /** How many emails one round claims at most (a full round is followed by the next at once). */
    @WithDefault("200")
    int batchSize();

    /** Emails sent at once (each over a pooled SMTP connection: see {@code quarkus.mailer.max-pool-size}). */
    @WithDefault("8")
    int concurrency();

    /**
     * At most this many emails a second (an SMTP provider's rate limit); 0: no limit. It must allow one email in two
     * fifths of {@link #claimLease()} (see {@code ClaimLease}).
     */
    @WithDefault("0")
    double maxPerSecond();

    /**
     * How long a claimed email is this sender's: a sender that stopped in the middle lets it lapse, and the email
     * is sent again (under the same Message-ID), by any replica: so it bounds how long the emails of a killed sender
     * wait. The SMTP server is given half of it to accept an email ({@code ClaimLease}).
     */
    @WithDefault("PT10S")
    Duration claimLease();

    /** Attempts before an email is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failure; it doubles after each further failure. */
    @WithDefault("PT30S")
    Duration firstBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();
}
