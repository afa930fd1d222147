package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.notification.domain.NotificationType;

/** What one event tells one borrower: the feed's title and summary, and the email (text and HTML). */
public sealed interface Notice permits OrangeWarning, MarginCallNotice, LiquidationStartedNotice, ReceiptNotice,
        NegativeBalanceNotice {

    /** The borrower's id. */
    String recipient();

    NotificationType type();

    /** The feed's title and the email's subject. */
    String title();

    /** The feed's body: the facts in a sentence or two. */
    String summary();

    /** The email, from its type-safe template, addressed to the borrower by {@code name}. */
    MailTemplateInstance email(String name);
}
