package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.MarginEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Percent;

/** The loan entered the ORANGE zone: the first warning. */
public record OrangeWarning(String recipient, String loanId, String asset, String from, String ltvPercent,
                            String price) implements Notice {

    public static OrangeWarning of(MarginEvents.ZoneChanged changed) {
        return new OrangeWarning(changed.borrowerId(), changed.loanId().toString(), changed.collateralAsset(),
                changed.from(), Percent.of(changed.ltv()), changed.price().toPlainString());
    }

    @Override
    public NotificationType type() {
        return NotificationType.ORANGE_WARNING;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Warnung: Ihr " + asset + "-Kredit ist in der Zone ORANGE"
                : "Warning: your " + asset + " loan is in the ORANGE zone";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "LTV " + ltvPercent + " % bei " + price + " USDT je " + asset + ". Hinterlegen Sie Sicherheiten oder "
                    + "tilgen Sie einen Teil des Kredits, um vor einer Nachschussaufforderung zurück nach GREEN zu kommen.";
        }
        return "LTV " + ltvPercent + "% at " + price + " USDT per " + asset + ". Add collateral or repay part of "
                + "the loan to bring it back to GREEN before a margin call.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.orangeWarning(name, lang, this);
    }
}
