package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An installment is due in some days, due today, or overdue. The event says which when it was emitted; an email
 * is sent later (quiet hours, the 7-in-7 cap, retries), so the email is worded {@link #asOf(LocalDate) as of} the
 * debtor's own day when it is rendered: {@code today} is that day, or null for the wording of the event itself.
 * {@code daysPastDue} is the event's; {@link #daysOverdue()} is the one to say.
 */
public record InstallmentReminderNotice(String recipient, NotificationType type, String caseId, int n,
                                        String dueDate, String amount, int daysPastDue, LocalDate today)
        implements Notice {

    public static InstallmentReminderNotice of(NotificationType type, UUID caseId, String debtorId, int n,
                                               LocalDate dueDate, BigDecimal amount, int daysPastDue) {
        return new InstallmentReminderNotice(debtorId, type, caseId.toString(), n, dueDate.toString(),
                Text.plain(amount), daysPastDue, null);
    }

    /** This reminder worded as of {@code today}, the debtor's local date. */
    @Override
    public InstallmentReminderNotice asOf(LocalDate today) {
        return new InstallmentReminderNotice(recipient, type, caseId, n, dueDate, amount, daysPastDue, today);
    }

    /**
     * Days from the debtor's day to the due date: positive ahead of it, 0 on it, negative once overdue; null for a
     * due-soon reminder not worded as of a day (the event does not say how soon).
     */
    public Integer daysUntilDue() {
        if (today != null) {
            return (int) ChronoUnit.DAYS.between(today, LocalDate.parse(dueDate));
        }
        return switch (type) {
            case INSTALLMENT_DUE_SOON -> null;
            case INSTALLMENT_DUE -> 0;
            default -> -daysPastDue;
        };
    }

    public boolean dueSoon() {
        Integer days = daysUntilDue();
        return days == null || days > 0;
    }

    public boolean dueToday() {
        Integer days = daysUntilDue();
        return days != null && days == 0;
    }

    public boolean overdue() {
        Integer days = daysUntilDue();
        return days != null && days < 0;
    }

    /** How many days overdue it is (0 when it is not). */
    public int daysOverdue() {
        return overdue() ? -daysUntilDue() : 0;
    }

    @Override
    public String title(Lang lang) {
        if (lang == Lang.DE) {
            if (dueSoon()) {
                return "Rate " + n + " über " + amount + " USDT ist am " + dueDate + " fällig";
            }
            if (dueToday()) {
                return "Rate " + n + " über " + amount + " USDT ist heute fällig";
            }
            return "Rate " + n + " über " + amount + " USDT ist seit " + daysOverdue() + " "
                    + (daysOverdue() == 1 ? "Tag" : "Tagen") + " überfällig";
        }
        if (dueSoon()) {
            return "Installment " + n + " of " + amount + " USDT is due on " + dueDate;
        }
        if (dueToday()) {
            return "Installment " + n + " of " + amount + " USDT is due today";
        }
        return "Installment " + n + " of " + amount + " USDT is " + daysOverdue() + " day"
                + (daysOverdue() == 1 ? "" : "s") + " overdue";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return title(Lang.DE) + ". Zahlen Sie in der App" + (overdue() ? ", damit Ihr Plan bestehen bleibt." : ".");
        }
        return title(Lang.EN) + ". Pay it in the app" + (overdue() ? " to keep your plan." : ".");
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.installmentReminder(name, lang, this);
    }
}
