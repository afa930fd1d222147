package io.shortfall.liquidation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much collateral a liquidation sells (docs/DOMAIN.md, "Liquidation").
 *
 * <ul>
 *   <li>{@code FULL}: everything.</li>
 *   <li>{@code PARTIAL}: just enough to bring the LTV back to the initial LTV, priced conservatively at the
 *   best-execution floor {@code F = reference × (1 − tolerance)} (no fill is credited below it, so the LTV after
 *   the sale is at most the initial one): with debt {@code D}, collateral {@code C}, reference {@code P} and
 *   initial LTV {@code L}, {@code (D − q·F) / ((C − q)·P) = L} gives {@code q = (D − L·C·P) / (F − L·P)},
 *   rounded up to the asset's scale.</li>
 *   <li>Aave's dust rules turn a PARTIAL into a sale of everything: the LTV is at or above
 *   {@code liquidation LTV / 0.95} ({@code 0.95·D ≥ liquidation·C·P}, exact), the debt is below 2,000, or what
 *   would remain (the debt left, or the collateral left at the reference price) is below 1,000. So is a target
 *   that cannot be reached by selling (the floor at or below {@code L·P}) or that needs all the collateral.</li>
 * </ul>
 * Amounts in the quote currency (USDT). Plain arithmetic, no framework.
 */
public final class SalePlan {

    public static final String FULL = "FULL";
    public static final String PARTIAL = "PARTIAL";
    /** Aave v3.3 {@code CLOSE_FACTOR_HF_THRESHOLD}: at or above liquidation LTV / 0.95, everything is sold. */
    public static final BigDecimal DEEP_FACTOR = new BigDecimal("0.95");
    /** Aave v3.3 {@code MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD}: a smaller debt is liquidated whole. */
    public static final BigDecimal MIN_DEBT_FOR_PARTIAL = new BigDecimal("2000.00");
    /** Aave v3.3 {@code MIN_LEFTOVER_BASE}: neither the debt nor the collateral left may be smaller. */
    public static final BigDecimal MIN_LEFTOVER = new BigDecimal("1000.00");

    /** Why the plan is what it is. */
    public enum Reason {
        /** The asset's policy is FULL. */
        FULL_POLICY,
        /** PARTIAL: back to the initial LTV. */
        BACK_TO_INITIAL_LTV,
        /** LTV at or above liquidation LTV / 0.95. */
        DEEP_LTV,
        /** Debt below 2,000. */
        SMALL_DEBT,
        /** The debt or the collateral left would be below 1,000. */
        DUST_LEFT,
        /** Selling at the floor cannot bring the LTV down to the initial one, or it takes all the collateral, or
         *  what it sells is worth the whole debt at the reference price. */
        TARGET_NEEDS_EVERYTHING,
        /** The snapshot is already at or below its initial LTV: nothing to sell (a snapshot that breaks its own
         *  premise). */
        ALREADY_AT_TARGET
    }

    /**
     * @param policy   the policy applied: {@code PARTIAL} only when part of the collateral is sold
     * @param quantity what to sell: positive, at most the collateral (zero only for {@link Reason#ALREADY_AT_TARGET})
     */
    public record Plan(String policy, BigDecimal quantity, Reason reason) {
        public boolean partial() {
            return PARTIAL.equals(policy);
        }
    }

    /**
     * @param requestedPolicy {@code FULL} or {@code PARTIAL} (the asset's policy)
     * @param collateral      the locked collateral, positive, at most {@code assetScale} decimals
     * @param debt            principal + accrued interest
     * @param referencePrice  the price at trigger time, positive
     * @param initialLtv      the target, a fraction
     * @param liquidationLtv  the liquidation threshold, a fraction
     * @param tolerance       the best-execution tolerance (the floor is {@code reference × (1 − tolerance)})
     */
    public static Plan of(String requestedPolicy, BigDecimal collateral, BigDecimal debt, BigDecimal referencePrice,
                          BigDecimal initialLtv, BigDecimal liquidationLtv, BigDecimal tolerance, int assetScale) {
        if (collateral.signum() <= 0 || referencePrice.signum() <= 0 || debt.signum() < 0) {
            throw new IllegalArgumentException("a plan needs collateral, a price and a debt");
        }
        if (!PARTIAL.equals(requestedPolicy)) {
            return everything(collateral, Reason.FULL_POLICY);
        }
        BigDecimal value = collateral.multiply(referencePrice);
        if (DEEP_FACTOR.multiply(debt).compareTo(liquidationLtv.multiply(value)) >= 0) {
            return everything(collateral, Reason.DEEP_LTV);
        }
        if (debt.compareTo(MIN_DEBT_FOR_PARTIAL) < 0) {
            return everything(collateral, Reason.SMALL_DEBT);
        }
        BigDecimal excessDebt = debt.subtract(initialLtv.multiply(value));
        if (excessDebt.signum() <= 0) {
            return new Plan(PARTIAL, BigDecimal.ZERO, Reason.ALREADY_AT_TARGET);
        }
        BigDecimal floor = referencePrice.multiply(BigDecimal.ONE.subtract(tolerance));
        BigDecimal perUnit = floor.subtract(initialLtv.multiply(referencePrice));
        if (perUnit.signum() <= 0) {
            return everything(collateral, Reason.TARGET_NEEDS_EVERYTHING);
        }
        BigDecimal quantity = excessDebt.divide(perUnit, assetScale, RoundingMode.UP);
        if (quantity.compareTo(collateral) >= 0 || quantity.multiply(referencePrice).compareTo(debt) >= 0) {
            // all the collateral, or enough to repay the whole debt even at the reference: not a partial sale
            return everything(collateral, Reason.TARGET_NEEDS_EVERYTHING);
        }
        BigDecimal debtLeft = debt.subtract(quantity.multiply(floor));
        BigDecimal collateralLeft = collateral.subtract(quantity).multiply(referencePrice);
        if (debtLeft.compareTo(MIN_LEFTOVER) < 0 || collateralLeft.compareTo(MIN_LEFTOVER) < 0) {
            return everything(collateral, Reason.DUST_LEFT);
        }
        return new Plan(PARTIAL, quantity, Reason.BACK_TO_INITIAL_LTV);
    }

    private static Plan everything(BigDecimal collateral, Reason reason) {
        return new Plan(FULL, collateral, reason);
    }

    private SalePlan() {
    }
}
