package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.LoanEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Percent;

/** The loan is locked and its collateral is being sold. */
public record LiquidationStartedNotice(String recipient, String loanId, String asset, String collateralAmount,
                                       String debt, String ltvPercent, String referencePrice, String policy)
        implements Notice {

    public static LiquidationStartedNotice of(LoanEvents.LiquidationStarted started) {
        return new LiquidationStartedNotice(started.borrowerId(), started.loanId().toString(),
                started.collateralAsset(), started.collateralAmount().toPlainString(),
                started.principal().add(started.accruedInterest()).toPlainString(), Percent.of(started.ltv()),
                started.referencePrice().toPlainString(), started.policy());
    }

    public boolean full() {
        return !"PARTIAL".equals(policy);
    }

    @Override
    public NotificationType type() {
        return NotificationType.LIQUIDATION_STARTED;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihr " + asset + "-Kredit wird liquidiert"
                : "Your " + asset + " loan is being liquidated";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Bei " + referencePrice + " USDT je " + asset + " erreichte der LTV " + ltvPercent + " %. Der Kredit "
                    + "ist gesperrt; " + (full() ? "seine " + collateralAmount + " " + asset + " werden" : "ein Teil der "
                    + "Sicherheiten wird") + " verkauft, um die Schuld von " + debt + " USDT zu tilgen. Ein Beleg folgt.";
        }
        return "At " + referencePrice + " USDT per " + asset + " the LTV reached " + ltvPercent + "%. The loan is "
                + "locked and " + (full() ? "its " + collateralAmount + " " + asset : "part of its collateral")
                + " is being sold to repay the debt of " + debt + " USDT. A receipt follows.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.liquidationStarted(name, lang, this);
    }
}
