package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/**
 * What became of collateral the debtor pledged to secure a case: accepted (it secures the case until it is
 * settled, and is sold if the plan breaks), given back to their reserve (and why), or sold after the plan broke:
 * the price, what it raised, what paid off the debt and what went to their USDT balance.
 */
public record PledgeNotice(NotificationType type, String recipient, String caseId, String quantity, String asset,
                           String reason, String price, String proceeds, String applied, String returned,
                           String outstanding) implements Notice {

    public static PledgeNotice accepted(DebtEvents.PledgeAccepted accepted) {
        return new PledgeNotice(NotificationType.PLEDGE_ACCEPTED, accepted.debtorId(), accepted.caseId().toString(),
                quantity(accepted.quantity()), accepted.asset(), null, null, null, null, null, null);
    }

    public static PledgeNotice released(DebtEvents.PledgeReleased released) {
        return new PledgeNotice(NotificationType.PLEDGE_RELEASED, released.debtorId(), released.caseId().toString(),
                quantity(released.quantity()), released.asset(), released.reason(), null, null, null, null, null);
    }

    public static PledgeNotice sold(DebtEvents.PledgeProceedsApplied sold) {
        return new PledgeNotice(NotificationType.PLEDGE_SOLD, sold.debtorId(), sold.caseId().toString(),
                quantity(sold.quantity()), sold.asset(), null, Text.plain(sold.price()), Text.plain(sold.proceeds()),
                Text.plain(sold.applied()), Text.plain(sold.returned()), Text.plain(sold.outstanding()));
    }

    private static String quantity(java.math.BigDecimal quantity) {
        return quantity == null ? "?" : quantity.stripTrailingZeros().toPlainString();
    }

    public boolean isAccepted() {
        return type == NotificationType.PLEDGE_ACCEPTED;
    }

    public boolean isReleased() {
        return type == NotificationType.PLEDGE_RELEASED;
    }

    public boolean isSold() {
        return type == NotificationType.PLEDGE_SOLD;
    }

    @Override
    public String title(Lang lang) {
        String what = quantity + " " + asset;
        return switch (type) {
            case PLEDGE_ACCEPTED -> lang == Lang.DE ? "Ihre Sicherheit von " + what + " wurde angenommen"
                    : "Your pledge of " + what + " was accepted";
            case PLEDGE_RELEASED -> lang == Lang.DE ? "Ihre Sicherheit von " + what + " ist zurück in Ihrer Reserve"
                    : "Your pledge of " + what + " is back in your reserve";
            default -> lang == Lang.DE ? "Ihre Sicherheit von " + what + " wurde für " + proceeds + " USDT verkauft"
                    : "Your pledge of " + what + " was sold for " + proceeds + " USDT";
        };
    }

    @Override
    public String summary(Lang lang) {
        return switch (type) {
            case PLEDGE_ACCEPTED -> lang == Lang.DE
                    ? "Sie sichert Ihre Schuld, bis sie beglichen ist; bricht der Plan, wird sie verkauft."
                    : "It secures your debt until it is settled; if the plan breaks, it is sold.";
            case PLEDGE_RELEASED -> (lang == Lang.DE ? "Grund: " : "Reason: ") + reason + ".";
            default -> lang == Lang.DE
                    ? applied + " USDT tilgen Ihre Schuld, " + returned + " USDT gehen auf Ihr Guthaben; offen: "
                    + outstanding + " USDT."
                    : applied + " USDT paid off your debt, " + returned + " USDT went to your balance; outstanding: "
                    + outstanding + " USDT.";
        };
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.pledge(name, lang, this);
    }
}
