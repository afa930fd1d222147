package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/**
 * The case was passed to an external collection agency or to legal proceedings: the debtor is told once, with
 * why and what is owed, and that the lender's own reminders stop.
 */
public record CaseEscalatedNotice(String recipient, String caseId, String stage, String reason, String outstanding,
                                  boolean legal) implements Notice {

    public static CaseEscalatedNotice of(DebtEvents.CaseEscalated escalated) {
        return new CaseEscalatedNotice(escalated.debtorId(), escalated.caseId().toString(), escalated.stage(),
                escalated.reason(), escalated.outstanding() == null ? "?" : Text.plain(escalated.outstanding()),
                DebtEvents.CaseEscalated.LEGAL.equals(escalated.stage()));
    }

    @Override
    public NotificationType type() {
        return NotificationType.CASE_ESCALATED;
    }

    @Override
    public String title(Lang lang) {
        if (lang == Lang.DE) {
            return legal ? "Ihre Schuld von " + outstanding + " USDT wird gerichtlich geltend gemacht"
                    : "Ihre Schuld von " + outstanding + " USDT wurde an ein Inkassounternehmen übergeben";
        }
        return legal ? "Your debt of " + outstanding + " USDT is being referred for legal action"
                : "Your debt of " + outstanding + " USDT was passed to a collection agency";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return (legal ? "Gerichtliches Verfahren" : "Inkasso") + ": " + reason + ". Wir erinnern Sie nicht mehr.";
        }
        return (legal ? "Legal action" : "External collection") + ": " + reason + ". We will not remind you any more.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.caseEscalated(name, lang, this);
    }
}
