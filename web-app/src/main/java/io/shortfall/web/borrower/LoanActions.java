package io.shortfall.web.borrower;

import io.shortfall.client.loan.model.LoanView;

import java.util.Map;
import java.util.UUID;

/**
 * The two forms on an active loan's page, adding collateral and repaying: what each holds (in RED, what brings the
 * loan back to its initial LTV), its idempotency key (one per form shown: a resubmitted form changes the loan once),
 * and what was wrong with the last one sent.
 */
public record LoanActions(String collateralAmount, String collateralKey, String collateralError,
                          String repayAmount, String repayKey, String repayError, String notice, String problem) {

    /** Which form. */
    public enum Kind {
        COLLATERAL("collateral"), REPAYMENT("repaid");

        private final String done;

        Kind(String done) {
            this.done = done;
        }

        String done() {
            return done;
        }
    }

    private static final Map<String, String> NOTICES = Map.of(
            "collateral", "Collateral added.",
            "repaid", "Repayment received.");

    static LoanActions fresh(LoanView loan, String done) {
        boolean red = "RED".equals(loan.getZone());
        return new LoanActions(red && loan.getCollateralToInitialLtv() != null
                ? loan.getCollateralToInitialLtv().toPlainString() : "", key(), null,
                red && loan.getRepaymentToInitialLtv() != null ? loan.getRepaymentToInitialLtv().toPlainString() : "",
                key(), null, done == null ? null : NOTICES.get(done), null);
    }

    /** The form sent again as typed, with its key kept, and what was wrong with it. */
    static LoanActions refused(Kind kind, String amount, String key, String error, String problem) {
        return kind == Kind.COLLATERAL
                ? new LoanActions(amount, key, error, "", key(), null, null, problem)
                : new LoanActions("", key(), null, amount, key, error, null, problem);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
