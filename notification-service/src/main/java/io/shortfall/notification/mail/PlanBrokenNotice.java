package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** The repayment plan was broken (missed installments): the whole balance is due again. */
public record PlanBrokenNotice(String recipient, String caseId, String planId, String reason) implements Notice {

    public static PlanBrokenNotice of(DebtEvents.PlanBroken broken) {
        return new PlanBrokenNotice(broken.debtorId(), broken.caseId().toString(), broken.planId().toString(),
                broken.reason() == null ? "" : broken.reason());
    }

    @Override
    public NotificationType type() {
        return NotificationType.PLAN_BROKEN;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihr Ratenplan wurde beendet" : "Your repayment plan was broken";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Ihr Ratenplan wurde beendet (" + reason + "). Schlagen Sie in der App einen neuen Plan vor oder "
                    + "melden Sie sich bei uns.";
        }
        return "Your repayment plan ended (" + reason + "). Contact us or propose a new plan in the app.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.planBroken(name, lang, this);
    }
}
