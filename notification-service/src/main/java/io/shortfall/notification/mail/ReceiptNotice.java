package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Receipt;

import java.util.List;

/** The liquidation receipt: every fill and every step of the arithmetic, so the borrower can redo it. */
public record ReceiptNotice(String recipient, String liquidationId, String loanId, String asset, String policy,
                            String collateralSold, List<FillView> fills, String fetched, String proceeds,
                            String floorCredit, String gross, String debt, String debtCovered, String fee,
                            String surplus, String shortfall, boolean hasSurplus, boolean hasShortfall,
                            boolean partial, String remaining)
        implements Notice {

    /** One fill, as printed: {@code quantity × price = value}. */
    public record FillView(String at, String quantity, String price, String referencePrice, String value,
                           String slippagePercent) {
    }

    /** The notice, or an {@link IllegalArgumentException} naming what does not add up. */
    public static ReceiptNotice of(LiquidationEvents.LiquidationCompleted completed) {
        List<Receipt.Fill> fills = completed.fills() == null ? List.of() : completed.fills().stream()
                .map(f -> new Receipt.Fill(f.at(), f.quantity(), f.price(), f.referencePrice())).toList();
        Receipt receipt = Receipt.of(fills, completed.proceeds(), completed.floorCredit(), completed.gross(),
                completed.debt(), completed.debtCovered(), completed.fee(), completed.surplus(), completed.shortfall());
        // PARTIAL sells just enough to bring the LTV back: what it did not cover stays owed on the open loan.
        boolean partial = "PARTIAL".equals(completed.policy());
        List<String> mismatches = receipt.mismatches(partial);
        if (!mismatches.isEmpty()) {
            throw new IllegalArgumentException("liquidation " + completed.liquidationId() + " does not add up: "
                    + String.join("; ", mismatches));
        }
        List<FillView> lines = receipt.fills().stream().map(f -> new FillView(String.valueOf(f.at()),
                f.quantity().toPlainString(), f.price().toPlainString(),
                f.referencePrice() == null ? "" : f.referencePrice().toPlainString(), Receipt.exact(f.value()),
                f.slippagePercent() == null ? "" : f.slippagePercent())).toList();
        return new ReceiptNotice(completed.borrowerId(), completed.liquidationId().toString(),
                completed.loanId().toString(), completed.collateralAsset(), completed.policy(),
                completed.collateralSold().toPlainString(), lines, receipt.fetchedText(),
                completed.proceeds().toPlainString(), completed.floorCredit().toPlainString(),
                completed.gross().toPlainString(), completed.debt().toPlainString(),
                completed.debtCovered().toPlainString(), completed.fee().toPlainString(),
                completed.surplus().toPlainString(), completed.shortfall().toPlainString(), receipt.hasSurplus(),
                receipt.hasShortfall(), partial, receipt.remaining().toPlainString());
    }

    @Override
    public NotificationType type() {
        return NotificationType.LIQUIDATION_RECEIPT;
    }

    @Override
    public String title(Lang lang) {
        if (partial) {
            return lang == Lang.DE
                    ? "Teilliquidation: " + debtCovered + " USDT Ihrer Schuld getilgt, Ihr Kredit läuft weiter"
                    : "Partial liquidation: " + debtCovered + " USDT of your debt repaid, your loan stays open";
        }
        if (lang == Lang.DE) {
            if (hasShortfall) {
                return "Liquidationsbeleg: ein Fehlbetrag von " + shortfall + " USDT bleibt offen";
            }
            return hasSurplus ? "Liquidationsbeleg: " + surplus + " USDT wurden Ihnen gutgeschrieben"
                    : "Liquidationsbeleg: Ihr Kredit ist getilgt";
        }
        if (hasShortfall) {
            return "Liquidation receipt: a shortfall of " + shortfall + " USDT remains";
        }
        return hasSurplus ? "Liquidation receipt: " + surplus + " USDT credited to you"
                : "Liquidation receipt: your loan is repaid";
    }

    @Override
    public String summary(Lang lang) {
        if (partial) {
            return lang == Lang.DE
                    ? "Verkauft: " + collateralSold + " " + asset + " für " + gross + " USDT brutto. Schuld " + debt
                    + " USDT, getilgt " + debtCovered + ", Gebühr " + fee + ". Weiterhin offen: " + remaining
                    + " USDT."
                    : "Sold " + collateralSold + " " + asset + " for " + gross + " USDT gross. Debt " + debt
                    + " USDT, repaid " + debtCovered + ", fee " + fee + ". Still owed on the loan: " + remaining
                    + " USDT.";
        }
        if (lang == Lang.DE) {
            return "Verkauft: " + collateralSold + " " + asset + " für " + gross + " USDT brutto. Schuld " + debt
                    + " USDT, gedeckt " + debtCovered + ", Gebühr " + fee + ". "
                    + (hasShortfall ? "Fehlbetrag: " + shortfall + " USDT." : "Überschuss: " + surplus + " USDT.");
        }
        return "Sold " + collateralSold + " " + asset + " for " + gross + " USDT gross. Debt " + debt
                + " USDT, covered " + debtCovered + ", fee " + fee + ". "
                + (hasShortfall ? "Shortfall: " + shortfall + " USDT." : "Surplus: " + surplus + " USDT.");
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.liquidationReceipt(name, lang, this);
    }
}
