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

    /** How many emails one round claims at most. */
    @WithDefault("20")
    int batchSize();

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
