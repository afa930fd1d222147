package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** The debt is settled: what was paid, what was forgiven, and their sum. */
public record DebtSettledNotice(String recipient, String caseId, String paid, String discount, String total,
                                boolean discounted) implements Notice {

    public static DebtSettledNotice of(DebtEvents.DebtSettled settled) {
        java.math.BigDecimal discount = settled.discount() == null ? java.math.BigDecimal.ZERO : settled.discount();
        return new DebtSettledNotice(settled.debtorId(), settled.caseId().toString(), Text.plain(settled.paid()),
                discount.toPlainString(), settled.paid().add(discount).toPlainString(), discount.signum() > 0);
    }

    @Override
    public NotificationType type() {
        return NotificationType.DEBT_SETTLED;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihre Schuld ist beglichen" : "Your debt is settled";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Sie haben " + paid + " USDT gezahlt" + (discounted ? "; " + discount + " USDT wurden erlassen" : "")
                    + ". Es ist nichts mehr offen.";
        }
        return "You paid " + paid + " USDT" + (discounted ? "; " + discount + " USDT were forgiven" : "")
                + ". Nothing more is owed.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.debtSettled(name, lang, this);
    }
}
