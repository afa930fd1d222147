package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** The remaining debt was written off: it is no longer collected. */
public record DebtWrittenOffNotice(String recipient, String caseId, String amount) implements Notice {

    public static DebtWrittenOffNotice of(DebtEvents.DebtWrittenOff writtenOff) {
        return new DebtWrittenOffNotice(writtenOff.debtorId(), writtenOff.caseId().toString(),
                Text.plain(writtenOff.amount()));
    }

    @Override
    public NotificationType type() {
        return NotificationType.DEBT_WRITTEN_OFF;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihre Restschuld von " + amount + " USDT wurde abgeschrieben"
                : "Your remaining debt of " + amount + " USDT was written off";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return amount + " USDT wurden abgeschrieben; wir ziehen sie nicht mehr ein.";
        }
        return amount + " USDT were written off; we will not collect them any more.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.debtWrittenOff(name, lang, this);
    }
}
