package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/**
 * The emails in English, type-checked at build time: each is {@code templates/emails/<method>.txt} and {@code .html}
 * (plain text and HTML parts of one message).
 */
@CheckedTemplate(basePath = "emails")
final class Emails {

    static native MailTemplateInstance orangeWarning(String name, OrangeWarning notice);

    static native MailTemplateInstance zoneRecovered(String name, ZoneRecoveredNotice notice);

    static native MailTemplateInstance marginCall(String name, MarginCallNotice notice);

    static native MailTemplateInstance liquidationStarted(String name, LiquidationStartedNotice notice);

    static native MailTemplateInstance liquidationReceipt(String name, ReceiptNotice notice);

    static native MailTemplateInstance negativeBalance(String name, NegativeBalanceNotice notice);

    static native MailTemplateInstance autoTopUpDone(String name, AutoTopUpDoneNotice notice);

    static native MailTemplateInstance autoTopUpShort(String name, AutoTopUpShortNotice notice);

    static native MailTemplateInstance offerReceived(String name, OfferReceivedNotice notice);

    static native MailTemplateInstance planAccepted(String name, PlanAcceptedNotice notice);

    static native MailTemplateInstance installmentReminder(String name, InstallmentReminderNotice notice);

    static native MailTemplateInstance paymentReceived(String name, PaymentReceivedNotice notice);

    static native MailTemplateInstance planBroken(String name, PlanBrokenNotice notice);

    static native MailTemplateInstance debtSettled(String name, DebtSettledNotice notice);

    static native MailTemplateInstance debtWrittenOff(String name, DebtWrittenOffNotice notice);

    static native MailTemplateInstance caseEscalated(String name, CaseEscalatedNotice notice);

    static native MailTemplateInstance pledge(String name, PledgeNotice notice);

    private Emails() {
    }
}
