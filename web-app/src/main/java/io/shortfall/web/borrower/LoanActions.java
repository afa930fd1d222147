package io.shortfall.web.borrower;

import io.shortfall.client.loan.model.LoanView;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The amount forms on an active loan's page (adding collateral, repaying, adding to the reserve that automatic
 * top-up draws on), the notice of what was just done, and what was wrong with the last form sent.
 */
public record LoanActions(AmountForm collateral, AmountForm repay, AmountForm reserve, String notice,
                          String problem) {

    /**
     * One amount form: what it holds (in RED, what brings the loan back to its initial LTV), its idempotency key (one
     * per form shown: a resubmitted form changes the loan once), and what was wrong with it.
     */
    public record AmountForm(String amount, String key, String error) {

        /** A fresh form holding {@code amount} as one types it on the page ({@code typed}), or nothing. */
        static AmountForm suggesting(BigDecimal amount, UnaryOperator<String> typed) {
            return new AmountForm(amount == null ? "" : typed.apply(amount.toPlainString()),
                    UUID.randomUUID().toString(), null);
        }

        static AmountForm empty() {
            return new AmountForm("", UUID.randomUUID().toString(), null);
        }
    }

    /** Which form, and the word its success is reported by. */
    public enum Kind {
        COLLATERAL("collateral"), REPAYMENT("repaid"), RESERVE("reserve");

        private final String done;

        Kind(String done) {
            this.done = done;
        }

        String done() {
            return done;
        }
    }

    /**
     * The forms fresh (in RED, suggesting what brings the loan back to its initial LTV), with the notice of what was
     * just done: {@code done} is from the URL, a {@link Kind}'s word or auto-on/auto-off; the amounts written as one
     * types them on the page ({@code typed}: {@code Language#typedAs}).
     */
    static LoanActions fresh(LoanView loan, String done, LoanMessages msg, UnaryOperator<String> typed) {
        boolean red = "RED".equals(loan.getZone());
        return new LoanActions(AmountForm.suggesting(red ? loan.getCollateralToInitialLtv() : null, typed),
                AmountForm.suggesting(red ? loan.getRepaymentToInitialLtv() : null, typed), AmountForm.empty(),
                done == null ? null : notice(done, msg), null);
    }

    /** The notice of what was just done, in the page's language; null for a word that names nothing done. */
    private static String notice(String done, LoanMessages msg) {
        return switch (done) {
            case "collateral" -> msg.collateralAdded();
            case "repaid" -> msg.repaymentReceived();
            case "reserve" -> msg.addedToReserve();
            case "auto-on" -> msg.autoTopUpIsOn();
            case "auto-off" -> msg.autoTopUpIsOff();
            default -> null;
        };
    }

    /** The form sent again as typed, with its key kept, and what was wrong with it; the others fresh. */
    static LoanActions refused(Kind kind, String amount, String key, String error, String problem) {
        AmountForm typed = new AmountForm(amount, key, error);
        return new LoanActions(kind == Kind.COLLATERAL ? typed : AmountForm.empty(),
                kind == Kind.REPAYMENT ? typed : AmountForm.empty(),
                kind == Kind.RESERVE ? typed : AmountForm.empty(), null, problem);
    }
}
