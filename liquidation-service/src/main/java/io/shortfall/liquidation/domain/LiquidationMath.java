package io.shortfall.liquidation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of a liquidation receipt (docs/DOMAIN.md, "Liquidation"), exact until the last step.
 *
 * <ol>
 *   <li>Each fill is worth {@code quantity × price}; their sum is what the sale fetched.</li>
 *   <li>Best execution: a fill more than the tolerance (2%) below the reference price is credited at the floor
 *       {@code reference × (1 − tolerance)}; the difference is the platform's, never the borrower's.</li>
 *   <li>{@code gross} = fetched + floor credit, rounded down to the cent (the platform owes it to the borrower).
 *       {@code proceeds} is the fetched value rounded down to the cent and {@code floorCredit = gross − proceeds},
 *       so the receipt adds up to the cent.</li>
 *   <li>{@code debtCovered = min(gross, debt)}; {@code shortfall = debt − debtCovered}.</li>
 *   <li>The fee ({@code feeRate × gross}) is taken only out of what exceeds the debt: it never creates or deepens
 *       a shortfall. {@code surplus = gross − debtCovered − fee} is rounded down to the cent, so the fee takes the
 *       fraction of a cent.</li>
 * </ol>
 */
public final class LiquidationMath {

    public static final int USDT_SCALE = 2;
    public static final int RATIO_SCALE = 6;

    /** What the sale is credited under: the fee rate and the best-execution tolerance, both fractions. */
    public record Terms(BigDecimal feeRate, BigDecimal bestExecutionTolerance) {
        public Terms {
            if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("fee rate must be in [0, 1): " + feeRate);
            }
            if (bestExecutionTolerance.signum() < 0 || bestExecutionTolerance.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("best-execution tolerance must be in [0, 1): "
                        + bestExecutionTolerance);
            }
        }
    }

    /** One fill of the sale. */
    public record Sold(BigDecimal quantity, BigDecimal price) {
    }

    /** The receipt's numbers; amounts at the USDT scale. */
    public record Outcome(BigDecimal collateralSold, BigDecimal proceeds, BigDecimal floorCredit, BigDecimal gross,
                          BigDecimal fee, BigDecimal debt, BigDecimal debtCovered, BigDecimal surplus,
                          BigDecimal shortfall) {
    }

    /** The lowest price a fill is credited at: {@code reference × (1 − tolerance)}, exact. */
    public static BigDecimal floorPrice(BigDecimal referencePrice, Terms terms) {
        return referencePrice.multiply(BigDecimal.ONE.subtract(terms.bestExecutionTolerance()));
    }

    /** The price a fill is credited at: its own, or the floor when it filled below it. */
    public static BigDecimal creditedPrice(BigDecimal price, BigDecimal referencePrice, Terms terms) {
        return price.max(floorPrice(referencePrice, terms));
    }

    /** How far below the reference a fill was: {@code (reference − price) / reference}, a fraction for display. */
    public static BigDecimal slippage(BigDecimal price, BigDecimal referencePrice) {
        return referencePrice.subtract(price).divide(referencePrice, MathContext.DECIMAL128)
                .setScale(RATIO_SCALE, RoundingMode.HALF_UP);
    }

    public static Outcome settle(List<Sold> fills, BigDecimal referencePrice, BigDecimal principal,
                                 BigDecimal accruedInterest, Terms terms) {
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("reference price must be positive: " + referencePrice);
        }
        BigDecimal sold = BigDecimal.ZERO;
        BigDecimal fetched = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        for (Sold fill : fills) {
            if (fill.quantity().signum() <= 0 || fill.price().signum() < 0) {
                throw new IllegalArgumentException("a fill needs a positive quantity and a price: " + fill);
            }
            sold = sold.add(fill.quantity());
            fetched = fetched.add(fill.quantity().multiply(fill.price()));
            credited = credited.add(fill.quantity().multiply(creditedPrice(fill.price(), referencePrice, terms)));
        }
        BigDecimal proceeds = down(fetched);
        BigDecimal gross = down(credited);
        BigDecimal floorCredit = gross.subtract(proceeds);
        BigDecimal debt = principal.add(accruedInterest).setScale(USDT_SCALE, RoundingMode.UNNECESSARY);
        BigDecimal debtCovered = gross.min(debt);
        BigDecimal excess = gross.subtract(debtCovered);
        BigDecimal surplus = down(excess.subtract(terms.feeRate().multiply(gross)).max(BigDecimal.ZERO));
        BigDecimal fee = excess.subtract(surplus);
        return new Outcome(sold, proceeds, floorCredit, gross, fee, debt, debtCovered, surplus,
                debt.subtract(debtCovered));
    }

    /**
     * A {@code PARTIAL} sale: the same receipt, but the loan lives on with the debt the sale did not cover, so
     * there is no shortfall ({@code debtCovered + debt left = debt}, the debt left stays on the loan).
     */
    public static Outcome settlePartial(List<Sold> fills, BigDecimal referencePrice, BigDecimal principal,
                                        BigDecimal accruedInterest, Terms terms) {
        Outcome o = settle(fills, referencePrice, principal, accruedInterest, terms);
        return new Outcome(o.collateralSold(), o.proceeds(), o.floorCredit(), o.gross(), o.fee(), o.debt(),
                o.debtCovered(), o.surplus(), BigDecimal.ZERO.setScale(USDT_SCALE));
    }

    private static BigDecimal down(BigDecimal amount) {
        return amount.setScale(USDT_SCALE, RoundingMode.DOWN);
    }

    private LiquidationMath() {
    }
}
