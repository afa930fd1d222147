package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.MarginEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Percent;

/** The loan moved to a better zone (RED to ORANGE or GREEN, ORANGE to GREEN): its own notice, not a warning. */
public record ZoneRecoveredNotice(String recipient, String loanId, String asset, String from, String to,
                                  String ltvPercent, String price) implements Notice {

    public static ZoneRecoveredNotice of(MarginEvents.ZoneChanged changed) {
        return new ZoneRecoveredNotice(changed.borrowerId(), changed.loanId().toString(), changed.collateralAsset(),
                changed.from(), changed.to(), Percent.of(changed.ltv()), changed.price().toPlainString());
    }

    /** Back to GREEN: nothing needs doing. */
    public boolean green() {
        return "GREEN".equals(to);
    }

    @Override
    public NotificationType type() {
        return NotificationType.ZONE_RECOVERED;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihr " + asset + "-Kredit ist zurück in der Zone " + to
                : "Your " + asset + " loan is back to " + to;
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "LTV " + ltvPercent + " % bei " + price + " USDT je " + asset + ": Ihr Kredit ist nicht mehr in der "
                    + "Zone " + from + ", sondern in der Zone " + to + ". " + (green() ? "Sie müssen nichts tun."
                    : "Mit weiteren Sicherheiten oder einer Teiltilgung kommt er zurück nach GREEN.");
        }
        return "LTV " + ltvPercent + "% at " + price + " USDT per " + asset + ": your loan is no longer in " + from
                + ", it is in " + to + ". " + (green() ? "Nothing needs doing."
                : "Adding collateral or repaying part of the loan brings it back to GREEN.");
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.zoneRecovered(name, lang, this);
    }
}
