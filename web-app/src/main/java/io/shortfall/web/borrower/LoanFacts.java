package io.shortfall.web.borrower;

import io.quarkus.qute.TemplateExtension;
import io.shortfall.client.loan.model.LoanView;

import io.shortfall.web.pages.Formats;

import java.util.Locale;

/** What a loan's page says about the loan as a whole, from loan-service's view of it. */
@TemplateExtension
public final class LoanFacts {

    private LoanFacts() {
    }

    /** Still the borrower's to manage: active, or being sold (its zone and LTV still mean something). */
    static boolean open(LoanView loan) {
        return "ACTIVE".equals(loan.getStatus()) || "LIQUIDATING".equals(loan.getStatus());
    }

    /** The sale of the collateral left part of the loan unpaid: a debt case follows. */
    static boolean hasShortfall(LoanView loan) {
        return loan.getLiquidationShortfall() != null && loan.getLiquidationShortfall().signum() > 0;
    }

    /**
     * "1 BTC, 39,000.00 USDT borrowed" while open; a closed loan holds no collateral and owes nothing any more, so
     * it is named by its asset and how it ended: "BTC loan, liquidated".
     */
    static String title(LoanView loan) {
        if (!open(loan)) {
            return loan.getCollateralAsset() + " loan, " + loan.getStatus().toLowerCase(Locale.ROOT);
        }
        return Formats.units(loan.getCollateralAmount()) + " " + loan.getCollateralAsset() + ", "
                + Formats.plain(loan.getPrincipal()) + " " + loan.getCurrency() + " borrowed";
    }
}
