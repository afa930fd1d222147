package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;

/**
 * What a margin call states (docs/DOMAIN.md): the collateral to add ({@code addCollateral}, rounded up to the
 * asset's scale) or the USDT to repay ({@code orRepay}, rounded up to the cent) that brings the LTV back to
 * the initial LTV, and the liquidation price ({@code debt / (collateral × liquidation LTV)}).
 */
public record MarginCallTerms(BigDecimal addCollateral, BigDecimal orRepay, BigDecimal liquidationPrice) {

    public static MarginCallTerms of(BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds,
                                     int assetScale) {
        return new MarginCallTerms(
                LtvMath.collateralToReach(debt, collateral, price, thresholds.initial(), assetScale),
                LtvMath.repaymentToReach(debt, collateral, price, thresholds.initial()),
                LtvMath.priceAt(debt, collateral, thresholds.liquidation()));
    }
}
