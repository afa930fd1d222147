package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** Collateral was moved automatically from the borrower's reserve to the loan (auto top-up). */
public record AutoTopUpDoneNotice(String recipient, String loanId, String asset, String added, String collateralAmount)
        implements Notice {

    public static AutoTopUpDoneNotice of(LoanEvents.CollateralAdded added) {
        return new AutoTopUpDoneNotice(added.borrowerId(), added.loanId().toString(), added.collateralAsset(),
                Text.plain(added.amount()), Text.plain(added.collateralAmount()));
    }

    @Override
    public NotificationType type() {
        return NotificationType.AUTO_TOP_UP_DONE;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Automatische Aufstockung: " + added + " " + asset + " hinzugefügt"
                : "Auto top-up: " + added + " " + asset + " added to your loan";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Damit Ihr Kredit keine Nachschussaufforderung erreicht, wurden " + added + " " + asset
                    + " aus Ihrer Reserve zum Kredit verschoben. Sicherheiten jetzt: " + collateralAmount + " " + asset + ".";
        }
        return "To keep your loan away from a margin call, " + added + " " + asset + " were moved from your "
                + "reserve to the loan. Collateral now: " + collateralAmount + " " + asset + ".";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.autoTopUpDone(name, lang, this);
    }
}
