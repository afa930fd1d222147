package io.shortfall.loan.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The loan-to-value arithmetic of docs/DOMAIN.md, exact: thresholds are compared by multiplication, never
 * through a rounded ratio; what is shown is rounded only at the end, and always on the safe side for the
 * borrower (what they must add or repay is rounded up, what they may borrow is rounded down).
 */
public final class LoanMath {

    public static final int USDT_SCALE = 2;
    public static final int PRICE_SCALE = 8;
    /** Ratios travel as fractions with 4 decimals ({@code "0.7500"}); comparisons use the exact values. */
    public static final int RATIO_SCALE = 4;
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    /** Collateral value in USDT at {@code price}, exact. */
    public static BigDecimal value(BigDecimal collateral, BigDecimal price) {
        return collateral.multiply(price);
    }

    /** {@code debt / (collateral × price)}, for display. */
    public static BigDecimal ltv(BigDecimal debt, BigDecimal collateral, BigDecimal price) {
        BigDecimal value = value(collateral, price);
        if (value.signum() == 0) {
            throw new IllegalArgumentException("collateral value is zero");
        }
        return debt.divide(value, DIVISION).setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    /** Is {@code debt / (collateral × price) >= threshold}? Compared exactly. */
    public static boolean atOrAbove(BigDecimal debt, BigDecimal collateral, BigDecimal price, BigDecimal threshold) {
        return debt.compareTo(threshold.multiply(value(collateral, price))) >= 0;
    }

    /**
     * The price at or below which the LTV reaches {@code threshold}: {@code debt / (collateral × threshold)},
     * rounded down to the price scale, so the LTV at the shown price is at or above the threshold.
     */
    public static BigDecimal priceAt(BigDecimal debt, BigDecimal collateral, BigDecimal threshold) {
        return debt.divide(collateral.multiply(threshold), DIVISION).setScale(PRICE_SCALE, RoundingMode.DOWN);
    }

    /** The most that may be borrowed against {@code collateral} at {@code price}: rounded down to the cent. */
    public static BigDecimal maxDebt(BigDecimal collateral, BigDecimal price, BigDecimal ltv) {
        return ltv.multiply(value(collateral, price)).setScale(USDT_SCALE, RoundingMode.DOWN);
    }

    /**
     * Collateral to add so the LTV is back at {@code target}: rounded up to the asset's scale, zero when
     * already there.
     */
    public static BigDecimal collateralToReach(BigDecimal debt, BigDecimal collateral, BigDecimal price,
                                               BigDecimal target, int assetScale) {
        BigDecimal needed = debt.divide(target.multiply(price), DIVISION).subtract(collateral);
        return needed.signum() <= 0 ? BigDecimal.ZERO.setScale(assetScale)
                : needed.setScale(assetScale, RoundingMode.UP);
    }

    /** Debt to repay so the LTV is back at {@code target}: rounded up to the cent, zero when already there. */
    public static BigDecimal repaymentToReach(BigDecimal debt, BigDecimal collateral, BigDecimal price,
                                              BigDecimal target) {
        BigDecimal needed = debt.subtract(target.multiply(value(collateral, price)));
        return needed.signum() <= 0 ? BigDecimal.ZERO.setScale(USDT_SCALE)
                : needed.setScale(USDT_SCALE, RoundingMode.UP);
    }

    private LoanMath() {
    }
}
