package io.shortfall.web.borrower;

import io.quarkus.qute.TemplateExtension;
import io.shortfall.client.loan.model.LoanView;

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
     * How a closed loan ended, as the English title words it ("BTC loan, liquidated"): its status in lower case. The
     * title itself is a message, {@link LoanMessages#title}.
     */
    static String endedAs(LoanView loan) {
        return loan.getStatus() == null ? "" : loan.getStatus().toLowerCase(Locale.ROOT);
    }
}
