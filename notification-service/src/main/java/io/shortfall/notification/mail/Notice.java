package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.time.LocalDate;

/**
 * What one event tells one borrower: the feed's title and summary (English), and the email (text and HTML) with
 * its subject in the borrower's language.
 */
public sealed interface Notice permits OrangeWarning, MarginCallNotice, LiquidationStartedNotice, ReceiptNotice,
        NegativeBalanceNotice, AutoTopUpDoneNotice, AutoTopUpShortNotice, OfferReceivedNotice, PlanAcceptedNotice,
        InstallmentReminderNotice, PaymentReceivedNotice, PlanBrokenNotice, DebtSettledNotice,
        DebtWrittenOffNotice, ZoneRecoveredNotice, CaseEscalatedNotice, PledgeNotice {

    /** The borrower's id. */
    String recipient();

    NotificationType type();

    /** The feed's title and the email's subject, in {@code lang}. */
    String title(Lang lang);

    /** The feed's title (English), as stored with the notification. */
    default String title() {
        return title(Lang.EN);
    }

    /** The feed's body in {@code lang}: the facts in a sentence or two. */
    String summary(Lang lang);

    /** The feed's body (English), as stored with the notification. */
    default String summary() {
        return summary(Lang.EN);
    }

    /**
     * This notice worded as of {@code today}, the borrower's local date when it is sent: most say the same on any
     * day; an installment reminder says how many days are left or overdue on that day.
     */
    default Notice asOf(LocalDate today) {
        return this;
    }

    /** The email in {@code lang}, from its type-safe templates, addressed to the borrower by {@code name}. */
    MailTemplateInstance email(String name, Lang lang);
}
