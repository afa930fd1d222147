package io.shortfall.margin.rest;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.LtvMath;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A position (docs/API.md): the LTV at the latest price of its asset ({@code "0.7500"}), the zone margin-service
 * last decided, and the thresholds. Price-dependent fields are null while no price is known.
 */
public record PositionView(@NotNull UUID loanId, @NotNull String borrowerId, @NotNull String collateralAsset,
                           @NotNull BigDecimal collateralAmount, @NotNull BigDecimal principal,
                           @NotNull BigDecimal accruedInterest, @NotNull BigDecimal debt, BigDecimal ltv,
                           @NotNull String zone, @NotNull String status, @NotNull boolean autoIncrease,
                           @NotNull boolean liquidationTriggered, BigDecimal price, Instant priceObservedAt,
                           BigDecimal marginCallPrice, BigDecimal liquidationPrice, @NotNull Thresholds thresholds) {

    public static PositionView of(Position position, AssetPrice price) {
        BigDecimal debt = position.debt();
        boolean priced = price != null && position.collateralAmount.signum() > 0;
        boolean hasDebt = debt.signum() > 0 && position.collateralAmount.signum() > 0;
        return new PositionView(position.loanId, position.borrowerId, position.collateralAsset,
                position.collateralAmount, position.principal, position.accruedInterest, debt,
                priced ? LtvMath.ltv(debt, position.collateralAmount, price.price) : null,
                position.zone.name(), position.status.name(), position.autoIncrease, position.triggered,
                price == null ? null : price.price, price == null ? null : price.observedAt,
                hasDebt ? LtvMath.priceAt(debt, position.collateralAmount, position.marginCallLtv) : null,
                hasDebt ? LtvMath.priceAt(debt, position.collateralAmount, position.liquidationLtv) : null,
                new Thresholds(LtvMath.ratio(position.initialLtv), LtvMath.ratio(position.warningLtv),
                        LtvMath.ratio(position.marginCallLtv), LtvMath.ratio(position.liquidationLtv)));
    }
}
