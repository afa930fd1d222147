package io.shortfall.loan.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How an amount paid against a loan splits (docs/DOMAIN.md): accrued interest first, then principal. The split
 * always sums back to the amount; more than the debt is refused, never silently kept.
 */
public final class Repayment {

    /** The split of one payment and what the loan owes after it. */
    public record Allocation(BigDecimal amount, BigDecimal interestPaid, BigDecimal principalPaid,
                             BigDecimal interestLeft, BigDecimal principalLeft) {

        /** Nothing is owed any more. */
        public boolean settlesTheDebt() {
            return interestLeft.signum() == 0 && principalLeft.signum() == 0;
        }
    }

    /** The amount exceeds the debt. */
    public static final class Overpayment extends RuntimeException {
        private final BigDecimal debt;

        public Overpayment(BigDecimal amount, BigDecimal debt) {
            super("paying " + amount.toPlainString() + " exceeds the debt of " + debt.toPlainString());
            this.debt = debt;
        }

        public BigDecimal debt() {
            return debt;
        }
    }

    /**
     * Splits {@code amount} over {@code interest} then {@code principal}.
     *
     * @throws Overpayment when {@code amount} is more than {@code interest + principal}
     */
    public static Allocation allocate(BigDecimal amount, BigDecimal interest, BigDecimal principal) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(principal, "principal");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("the amount must be positive");
        }
        if (interest.signum() < 0 || principal.signum() < 0) {
            throw new IllegalArgumentException("interest and principal must not be negative");
        }
        BigDecimal debt = interest.add(principal);
        if (amount.compareTo(debt) > 0) {
            throw new Overpayment(amount, debt);
        }
        BigDecimal interestPaid = amount.min(interest);
        BigDecimal principalPaid = amount.subtract(interestPaid);
        return new Allocation(amount, interestPaid, principalPaid, interest.subtract(interestPaid),
                principal.subtract(principalPaid));
    }

    private Repayment() {
    }
}
