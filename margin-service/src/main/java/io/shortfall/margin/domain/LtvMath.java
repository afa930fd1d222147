package io.shortfall.margin.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Loan-to-value arithmetic (docs/DOMAIN.md), exact: a threshold is compared by multiplication
 * ({@code debt >= threshold × collateral × price}), never through a rounded ratio. Only what is shown is
 * rounded, and what the borrower must add or repay is rounded up, so it always suffices.
 */
public final class LtvMath {

    public static final int USDT_SCALE = 2;
    public static final int PRICE_SCALE = 8;
    /** Ratios are shown as fractions with 4 decimals ({@code "0.7500"}). */
    public static final int RATIO_SCALE = 4;
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    /** {@code debt / (collateral × price)} for display, 4 decimals. */
    public static BigDecimal ltv(BigDecimal debt, BigDecimal collateral, BigDecimal price) {
        BigDecimal value = collateral.multiply(price);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("collateral value must be positive");
        }
        return debt.divide(value, DIVISION).setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    /** A ratio as shown: at least 4 decimals ({@code 0.65} is {@code "0.6500"}), never losing one. */
    public static BigDecimal ratio(BigDecimal ratio) {
        BigDecimal plain = ratio.stripTrailingZeros();
        return plain.scale() < RATIO_SCALE ? plain.setScale(RATIO_SCALE) : plain;
    }

    /** Is {@code debt / (collateral × price) >= threshold}? Exact. */
    public static boolean atOrAbove(BigDecimal debt, BigDecimal collateral, BigDecimal price, BigDecimal threshold) {
        return debt.compareTo(threshold.multiply(collateral).multiply(price)) >= 0;
    }

    /** Is {@code debt / (collateral × price) <= threshold}? Exact. */
    public static boolean atOrBelow(BigDecimal debt, BigDecimal collateral, BigDecimal price, BigDecimal threshold) {
        return debt.compareTo(threshold.multiply(collateral).multiply(price)) <= 0;
    }

    /**
     * The price at which the LTV reaches {@code threshold}: {@code debt / (collateral × threshold)}, rounded
     * down to the price scale, so at the shown price the LTV is at or above the threshold.
     */
    public static BigDecimal priceAt(BigDecimal debt, BigDecimal collateral, BigDecimal threshold) {
        return debt.divide(collateral.multiply(threshold), DIVISION).setScale(PRICE_SCALE, RoundingMode.DOWN);
    }

    /** Collateral to add to bring the LTV to {@code target}: rounded up to {@code assetScale}; zero if already there. */
    public static BigDecimal collateralToReach(BigDecimal debt, BigDecimal collateral, BigDecimal price,
                                               BigDecimal target, int assetScale) {
        BigDecimal needed = debt.divide(target.multiply(price), DIVISION).subtract(collateral);
        return needed.signum() <= 0 ? BigDecimal.ZERO.setScale(assetScale)
                : needed.setScale(assetScale, RoundingMode.UP);
    }

    /** USDT to repay to bring the LTV to {@code target}: rounded up to the cent; zero if already there. */
    public static BigDecimal repaymentToReach(BigDecimal debt, BigDecimal collateral, BigDecimal price,
                                              BigDecimal target) {
        BigDecimal needed = debt.subtract(target.multiply(collateral).multiply(price));
        return needed.signum() <= 0 ? BigDecimal.ZERO.setScale(USDT_SCALE)
                : needed.setScale(USDT_SCALE, RoundingMode.UP);
    }

    private LtvMath() {
    }
}
