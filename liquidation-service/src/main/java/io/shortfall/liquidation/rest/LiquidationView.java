package io.shortfall.liquidation.rest;

import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.domain.LiquidationMath;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A liquidation receipt (docs/API.md, "Liquidation"; docs/DOMAIN.md, "Liquidation": the arithmetic shown): each fill and the price
 * it was credited at, then {@code proceeds + floorCredit = gross = debtCovered + fee + surplus} and
 * {@code debt = debtCovered + shortfall}. Amounts, prices and ratios are strings.
 */
public record LiquidationView(
        UUID id,
        UUID loanId,
        long loanVersion,
        String borrowerId,
        String status,
        String policy,
        String requestedPolicy,
        String recourse,
        String collateralAsset,
        BigDecimal collateralLocked,
        BigDecimal collateralSold,
        String planReason,
        BigDecimal referencePrice,
        BigDecimal bestExecutionTolerance,
        BigDecimal floorPrice,
        List<FillView> fills,
        BigDecimal proceeds,
        BigDecimal floorCredit,
        BigDecimal gross,
        BigDecimal feeRate,
        BigDecimal fee,
        BigDecimal principal,
        BigDecimal accruedInterest,
        BigDecimal debt,
        BigDecimal debtCovered,
        BigDecimal surplus,
        BigDecimal shortfall,
        BigDecimal debtLeft,
        String currency,
        Instant startedAt,
        Instant completedAt) {

    /**
     * One slice: {@code slippage = (referencePrice − price) / referencePrice}; {@code creditedPrice} is the price
     * or, when it filled more than the tolerance below the reference, the floor.
     */
    public record FillView(int n, Instant at, BigDecimal quantity, BigDecimal price, BigDecimal referencePrice,
                           BigDecimal slippage, BigDecimal creditedPrice, String clientOrderId) {
    }

    public static LiquidationView of(Liquidation l, List<LiquidationFill> fills, String currency) {
        var terms = l.terms();
        return new LiquidationView(l.id, l.loanId, l.loanVersion, l.borrowerId, l.status.name(), l.policy,
                l.requestedPolicy, l.recourse, l.collateralAsset, l.collateralLocked, l.collateralSold, l.planReason, l.referencePrice,
                l.bestExecutionTolerance, price(LiquidationMath.floorPrice(l.referencePrice, terms)),
                fills.stream().map(f -> new FillView(f.n, f.at, f.quantity, f.price, f.referencePrice,
                        LiquidationMath.slippage(f.price, f.referencePrice),
                        price(LiquidationMath.creditedPrice(f.price, f.referencePrice, terms)), f.clientOrderId))
                        .toList(),
                l.proceeds, l.floorCredit, l.gross, l.feeRate, l.fee, l.principal, l.accruedInterest, l.debt,
                l.debtCovered, l.surplus, l.shortfall,
                l.debt == null || l.debtCovered == null ? null : l.debt.subtract(l.debtCovered).subtract(l.shortfall),
                currency, l.startedAt, l.completedAt);
    }

    /** An exact price shown with the price scale (8), or with more decimals when it has them. */
    private static BigDecimal price(BigDecimal exact) {
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() <= 8 ? stripped.setScale(8) : stripped;
    }
}
