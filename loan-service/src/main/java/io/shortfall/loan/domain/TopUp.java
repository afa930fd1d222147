package io.shortfall.loan.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;

/**
 * What auto increase moves from a borrower's reserve into a loan, and when (loan-service README, "Reserves and auto
 * increase"). The aim is always the loan's initial LTV; what moves is what reaches it, or all the reserve holds.
 * Whether anything moves depends on the occasion:
 *
 * <ul>
 *   <li>{@link Occasion#REQUESTED}: margin-service asked (the loan entered ORANGE or RED): whatever helps.</li>
 *   <li>{@link Occasion#STANDING}: the reserve was funded or auto increase switched on: only a loan at or past its
 *   margin call, so money arriving in a reserve moves into a loan only when the loan needs it.</li>
 *   <li>{@link Occasion#BEFORE_SALE}: the loan was triggered: only when what the reserve holds takes the loan back
 *   under its liquidation LTV, so a sale happens only when the reserve cannot prevent it, and a reserve that cannot
 *   save the loan stays the borrower's rather than being sold with it.</li>
 * </ul>
 */
public final class TopUp {

    /** Why auto increase is considered now. */
    public enum Occasion {
        REQUESTED, STANDING, BEFORE_SALE
    }

    /**
     * {@code needed} reaches the initial LTV (zero when already there); {@code move} is what to take from the
     * reserve (zero: nothing moves, and nothing is said); {@code short} when what moves is less than needed.
     */
    public record Plan(BigDecimal needed, BigDecimal move) {

        public boolean moves() {
            return move.signum() > 0;
        }

        public boolean isShort() {
            return move.compareTo(needed) < 0;
        }
    }

    /**
     * The plan for a loan owing {@code debt} on {@code collateral} at {@code price}, with {@code available} in the
     * reserve of its asset (amounts at the asset's {@code scale}).
     */
    public static Plan plan(Occasion occasion, BigDecimal debt, BigDecimal collateral, BigDecimal price,
                            Thresholds thresholds, BigDecimal available, int scale) {
        BigDecimal needed = LoanMath.collateralToReach(debt, collateral, price, thresholds.initial(), scale);
        Plan nothing = new Plan(needed, BigDecimal.ZERO.setScale(scale));
        if (needed.signum() <= 0 || available.signum() <= 0) {
            return nothing;
        }
        BigDecimal move = needed.min(available).setScale(scale);
        return switch (occasion) {
            case REQUESTED -> new Plan(needed, move);
            case STANDING -> LoanMath.atOrAbove(debt, collateral, price, thresholds.marginCall())
                    ? new Plan(needed, move) : nothing;
            case BEFORE_SALE -> !LoanMath.atOrAbove(debt, collateral.add(move), price, thresholds.liquidation())
                    ? new Plan(needed, move) : nothing;
        };
    }

    private TopUp() {
    }
}
