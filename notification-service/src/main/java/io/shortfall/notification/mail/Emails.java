package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/**
 * The emails, type-checked at build time: each is {@code templates/emails/<method>.txt} and {@code .html}
 * (plain text and HTML parts of one message), in English.
 */
@CheckedTemplate(basePath = "emails")
final class Emails {

    static native MailTemplateInstance orangeWarning(String name, OrangeWarning notice);

    static native MailTemplateInstance marginCall(String name, MarginCallNotice notice);

    static native MailTemplateInstance liquidationStarted(String name, LiquidationStartedNotice notice);

    static native MailTemplateInstance liquidationReceipt(String name, ReceiptNotice notice);

    static native MailTemplateInstance negativeBalance(String name, NegativeBalanceNotice notice);

    private Emails() {
    }
}
