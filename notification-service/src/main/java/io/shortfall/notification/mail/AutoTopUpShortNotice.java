package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** The automatic top-up needed more collateral than the borrower's reserve holds: nothing was moved. */
public record AutoTopUpShortNotice(String recipient, String loanId, String asset, String needed, String available,
                                   String missing) implements Notice {

    public static AutoTopUpShortNotice of(LoanEvents.AutoIncreaseShort shortOf) {
        return new AutoTopUpShortNotice(shortOf.borrowerId(), shortOf.loanId().toString(), shortOf.collateralAsset(),
                Text.plain(shortOf.needed()), Text.plain(shortOf.available()),
                shortOf.needed() == null || shortOf.available() == null ? "?"
                        : shortOf.needed().subtract(shortOf.available()).max(java.math.BigDecimal.ZERO)
                        .toPlainString());
    }

    @Override
    public NotificationType type() {
        return NotificationType.AUTO_TOP_UP_SHORT;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Automatische Aufstockung nicht möglich: " + missing + " " + asset + " fehlen"
                : "Auto top-up failed: " + missing + " " + asset + " short";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Ihr Kredit brauchte " + needed + " " + asset + ", Ihre Reserve hält aber nur " + available + " "
                    + asset + ". Fügen Sie " + missing + " " + asset + " hinzu oder tilgen Sie einen Teil des Kredits.";
        }
        return "Your loan needed " + needed + " " + asset + " but your reserve holds " + available + " " + asset
                + ". Add " + missing + " " + asset + " or repay part of the loan.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return lang == Lang.DE ? EmailsDe.autoTopUpShort(name, this) : Emails.autoTopUpShort(name, this);
    }
}
