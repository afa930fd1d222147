package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.shortfall.notification.domain.Lang;

/**
 * The emails, type-checked at build time: each is {@code templates/emails/<method>.txt} and {@code .html} (plain text
 * and HTML parts of one message), each of them written in every language of {@link Lang} side by side
 * ({@code {#when lang}{#is DE}...{#else}...English...}), so a translation is read and changed beside its original.
 */
@CheckedTemplate(basePath = "emails")
final class Emails {

    static native MailTemplateInstance orangeWarning(String name, Lang lang, OrangeWarning notice);

    static native MailTemplateInstance zoneRecovered(String name, Lang lang, ZoneRecoveredNotice notice);

    static native MailTemplateInstance marginCall(String name, Lang lang, MarginCallNotice notice);

    static native MailTemplateInstance liquidationStarted(String name, Lang lang, LiquidationStartedNotice notice);

    static native MailTemplateInstance liquidationReceipt(String name, Lang lang, ReceiptNotice notice);

    static native MailTemplateInstance negativeBalance(String name, Lang lang, NegativeBalanceNotice notice);

    static native MailTemplateInstance autoTopUpDone(String name, Lang lang, AutoTopUpDoneNotice notice);

    static native MailTemplateInstance autoTopUpShort(String name, Lang lang, AutoTopUpShortNotice notice);

    static native MailTemplateInstance offerReceived(String name, Lang lang, OfferReceivedNotice notice);

    static native MailTemplateInstance planAccepted(String name, Lang lang, PlanAcceptedNotice notice);

    static native MailTemplateInstance installmentReminder(String name, Lang lang, InstallmentReminderNotice notice);

    static native MailTemplateInstance paymentReceived(String name, Lang lang, PaymentReceivedNotice notice);

    static native MailTemplateInstance planBroken(String name, Lang lang, PlanBrokenNotice notice);

    static native MailTemplateInstance debtSettled(String name, Lang lang, DebtSettledNotice notice);

    static native MailTemplateInstance debtWrittenOff(String name, Lang lang, DebtWrittenOffNotice notice);

    static native MailTemplateInstance caseEscalated(String name, Lang lang, CaseEscalatedNotice notice);

    static native MailTemplateInstance pledge(String name, Lang lang, PledgeNotice notice);

    private Emails() {
    }
}
