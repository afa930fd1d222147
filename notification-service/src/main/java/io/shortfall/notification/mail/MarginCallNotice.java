package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.MarginEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Percent;

/** The last warning before liquidation, with what fixes it; {@code repeat} counts the 6-hourly reminders. */
public record MarginCallNotice(String recipient, String loanId, String asset, String collateralAmount, String debt,
                               String ltvPercent, String price, String liquidationPrice, String addCollateral,
                               String orRepay, int repeat) implements Notice {

    public static MarginCallNotice of(MarginEvents.MarginCall call) {
        return new MarginCallNotice(call.borrowerId(), call.loanId().toString(), call.collateralAsset(),
                plain(call.collateralAmount()), plain(call.debt()), Percent.of(call.ltv()), plain(call.price()),
                plain(call.liquidationPrice()), plain(call.addCollateral()), plain(call.orRepay()), call.repeat());
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? "?" : amount.toPlainString();
    }

    public boolean repeated() {
        return repeat > 0;
    }

    @Override
    public NotificationType type() {
        return NotificationType.MARGIN_CALL;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE
                ? "Nachschussaufforderung für Ihren " + asset + "-Kredit" + (repeated() ? " (Erinnerung " + repeat + ")" : "")
                : "Margin call on your " + asset + " loan" + (repeated() ? " (reminder " + repeat + ")" : "");
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "LTV " + ltvPercent + " % bei " + price + " USDT je " + asset + ". Fügen Sie " + addCollateral + " "
                    + asset + " hinzu oder tilgen Sie " + orRepay + " USDT; bei " + liquidationPrice + " USDT je " + asset
                    + " wird der Kredit liquidiert.";
        }
        return "LTV " + ltvPercent + "% at " + price + " USDT per " + asset + ". Add " + addCollateral + " " + asset
                + " or repay " + orRepay + " USDT; at " + liquidationPrice + " USDT per " + asset
                + " the loan is liquidated.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.marginCall(name, lang, this);
    }
}
