package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/**
 * The automatic top-up needed more collateral than the borrower's reserve held. loan-service moved all the
 * reserve held ({@code available}, told in its own "added" notice when more than zero): this one says what is
 * still missing, and that nothing was moved only when the reserve was empty.
 */
public record AutoTopUpShortNotice(String recipient, String loanId, String asset, String needed, String available,
                                   String missing) implements Notice {

    public static AutoTopUpShortNotice of(LoanEvents.AutoIncreaseShort shortOf) {
        return new AutoTopUpShortNotice(shortOf.borrowerId(), shortOf.loanId().toString(), shortOf.collateralAsset(),
                Text.plain(shortOf.needed()), Text.plain(shortOf.available()),
                shortOf.needed() == null || shortOf.available() == null ? "?"
                        : shortOf.needed().subtract(shortOf.available()).max(java.math.BigDecimal.ZERO)
                        .toPlainString());
    }

    /** Whether the reserve held anything, all of which was moved into the loan. */
    public boolean movedSome() {
        return !"?".equals(available) && !available.isEmpty() && new java.math.BigDecimal(available).signum() > 0;
    }

    @Override
    public NotificationType type() {
        return NotificationType.AUTO_TOP_UP_SHORT;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Automatische Aufstockung unvollständig: " + missing + " " + asset + " fehlen"
                : "Auto top-up short: " + missing + " " + asset + " missing";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Ihr Kredit brauchte " + needed + " " + asset + ", Ihre Reserve hielt aber nur " + available + " "
                    + asset + (movedSome() ? " (vollständig in den Kredit verschoben)" : "") + ". Fügen Sie " + missing
                    + " " + asset + " hinzu oder tilgen Sie einen Teil des Kredits.";
        }
        return "Your loan needed " + needed + " " + asset + " but your reserve held " + available + " " + asset
                + (movedSome() ? " (all moved into the loan)" : "") + ". Add " + missing + " " + asset
                + " or repay part of the loan.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.autoTopUpShort(name, lang, this);
    }
}
