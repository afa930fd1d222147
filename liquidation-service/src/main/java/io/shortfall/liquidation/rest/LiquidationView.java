package io.shortfall.liquidation.rest;

import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.domain.LiquidationMath;

import jakarta.validation.constraints.NotNull;

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
        @NotNull UUID id,
        @NotNull UUID loanId,
        @NotNull long loanVersion,
        @NotNull String borrowerId,
        @NotNull String status,
        @NotNull String policy,
        @NotNull String requestedPolicy,
        @NotNull String recourse,
        @NotNull String collateralAsset,
        @NotNull BigDecimal collateralLocked,
        BigDecimal collateralSold,
        String planReason,
        @NotNull BigDecimal referencePrice,
        @NotNull BigDecimal bestExecutionTolerance,
        @NotNull BigDecimal floorPrice,
        @NotNull List<FillView> fills,
        BigDecimal proceeds,
        BigDecimal floorCredit,
        BigDecimal gross,
        @NotNull BigDecimal feeRate,
        BigDecimal fee,
        @NotNull BigDecimal principal,
        @NotNull BigDecimal accruedInterest,
        @NotNull BigDecimal debt,
        BigDecimal debtCovered,
        BigDecimal surplus,
        BigDecimal shortfall,
        BigDecimal debtLeft,
        @NotNull String currency,
        @NotNull Instant startedAt,
        Instant completedAt) {

    /**
     * One slice: {@code slippage = (referencePrice − price) / referencePrice}; {@code creditedPrice} is the price
     * or, when it filled more than the tolerance below the reference, the floor.
     */
    public record FillView(@NotNull int n, @NotNull Instant at, @NotNull BigDecimal quantity,
                           @NotNull BigDecimal price, @NotNull BigDecimal referencePrice,
                           @NotNull BigDecimal slippage, @NotNull BigDecimal creditedPrice,
                           @NotNull String clientOrderId) {
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
