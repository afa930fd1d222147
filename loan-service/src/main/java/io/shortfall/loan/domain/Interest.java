package io.shortfall.loan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Simple interest accrued daily on the outstanding principal (docs/DOMAIN.md): one day's interest is
 * {@code principal × apr / 365}. The loan owes whole cents; what is left below a cent is not dropped but
 * carried to the next accrual, so no cent is created or lost however the days are grouped.
 *
 * <p>The carry is kept exactly, as a numerator over the day count ({@code carry / 365} USDT): the division
 * by 365 is the only inexact step, and it is never taken except to cut whole cents. Hence
 * {@code interest × 365 + carry' = principal × apr × days + carry}, exactly, and {@code 0 ≤ carry' < 3.65}.
 */
public final class Interest {

    /** Days per year of the daily rate (actual/365 fixed). */
    public static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** Whole cents accrued, and the exact remainder below a cent carried on (as a numerator over 365). */
    public record Accrual(BigDecimal interest, BigDecimal carry) {
    }

    /**
     * The interest of {@code days} days on {@code principal} at {@code apr}, with the {@code carry} left by
     * the previous accrual.
     */
    public static Accrual accrue(BigDecimal principal, BigDecimal apr, long days, BigDecimal carry) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(apr, "apr");
        Objects.requireNonNull(carry, "carry");
        if (principal.signum() < 0 || apr.signum() < 0 || days < 0 || carry.signum() < 0) {
            throw new IllegalArgumentException("principal, apr, days and carry must not be negative");
        }
        BigDecimal numerator = principal.multiply(apr).multiply(BigDecimal.valueOf(days)).add(carry);
        BigDecimal interest = numerator.divide(DAYS_PER_YEAR, LoanMath.USDT_SCALE, RoundingMode.DOWN);
        BigDecimal left = numerator.subtract(interest.multiply(DAYS_PER_YEAR));
        return new Accrual(interest, left);
    }

    /** The largest carry there can be: just under one cent. */
    public static BigDecimal carryBound() {
        return CENT.multiply(DAYS_PER_YEAR);
    }

    private Interest() {
    }
}
