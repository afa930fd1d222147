package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An installment is due in 3 days, due today, or overdue by {@code daysPastDue} days. */
public record InstallmentReminderNotice(String recipient, NotificationType type, String caseId, int n,
                                        String dueDate, String amount, int daysPastDue) implements Notice {

    public static InstallmentReminderNotice of(NotificationType type, UUID caseId, String debtorId, int n,
                                               LocalDate dueDate, BigDecimal amount, int daysPastDue) {
        return new InstallmentReminderNotice(debtorId, type, caseId.toString(), n, dueDate.toString(),
                Text.plain(amount), daysPastDue);
    }

    public boolean dueSoon() {
        return type == NotificationType.INSTALLMENT_DUE_SOON;
    }

    public boolean dueToday() {
        return type == NotificationType.INSTALLMENT_DUE;
    }

    public boolean overdue() {
        return type == NotificationType.INSTALLMENT_OVERDUE;
    }

    @Override
    public String title(Lang lang) {
        if (lang == Lang.DE) {
            return switch (type) {
                case INSTALLMENT_DUE_SOON -> "Rate " + n + " über " + amount + " USDT ist am " + dueDate + " fällig";
                case INSTALLMENT_DUE -> "Rate " + n + " über " + amount + " USDT ist heute fällig";
                default -> "Rate " + n + " über " + amount + " USDT ist seit " + daysPastDue + " "
                        + (daysPastDue == 1 ? "Tag" : "Tagen") + " überfällig";
            };
        }
        return switch (type) {
            case INSTALLMENT_DUE_SOON -> "Installment " + n + " of " + amount + " USDT is due on " + dueDate;
            case INSTALLMENT_DUE -> "Installment " + n + " of " + amount + " USDT is due today";
            default -> "Installment " + n + " of " + amount + " USDT is " + daysPastDue + " day"
                    + (daysPastDue == 1 ? "" : "s") + " overdue";
        };
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
        return lang == Lang.DE ? EmailsDe.installmentReminder(name, this) : Emails.installmentReminder(name, this);
    }
}
