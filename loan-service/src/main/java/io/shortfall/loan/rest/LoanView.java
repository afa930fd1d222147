package io.shortfall.loan.rest;

import io.shortfall.events.Thresholds;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.loan.service.Assets;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A borrower's dashboard of one loan (docs/API.md, "Loan"). Price-dependent fields are null while no price is
 * known for the asset. {@code collateralToInitialLtv} (in the asset) or {@code repaymentToInitialLtv} (USDT)
 * brings the LTV back to the initial LTV: zero when it is already there. Every field is written; those marked
 * {@code @NotNull} are never null (required in the OpenAPI document), the others are null when they have no value.
 */
public record LoanView(
        @NotNull UUID id,
        @NotNull String borrowerId,
        @NotNull String status,
        @NotNull String collateralAsset,
        @NotNull BigDecimal collateralAmount,
        @NotNull BigDecimal principal,
        @NotNull BigDecimal accruedInterest,
        @NotNull BigDecimal debt,
        @NotNull String currency,
        @NotNull BigDecimal apr,
        BigDecimal ltv,
        @NotNull String zone,
        BigDecimal price,
        Instant priceObservedAt,
        BigDecimal marginCallPrice,
        BigDecimal liquidationPrice,
        BigDecimal collateralToInitialLtv,
        BigDecimal repaymentToInitialLtv,
        @NotNull Thresholds thresholds,
        @NotNull boolean autoIncrease,
        @NotNull Instant openedAt,
        Instant closedAt,
        BigDecimal liquidationSurplus,
        BigDecimal liquidationShortfall,
        @NotNull long version) {

    public static LoanView of(Loan loan, AssetPrice price, int assetScale) {
        BigDecimal debt = loan.debt();
        boolean priced = price != null && loan.collateralAmount.signum() > 0 && !loan.isClosed();
        boolean hasDebt = debt.signum() > 0;
        return new LoanView(loan.id, loan.borrowerId, loan.status.name(), loan.collateralAsset, loan.collateralAmount,
                loan.principal, loan.accruedInterest, debt, loan.currency, loan.apr,
                priced ? LoanMath.ltv(debt, loan.collateralAmount, price.price) : null,
                loan.zone.name(),
                price == null ? null : price.price,
                price == null ? null : price.observedAt,
                priced && hasDebt ? LoanMath.priceAt(debt, loan.collateralAmount, loan.marginCallLtv) : null,
                priced && hasDebt ? LoanMath.priceAt(debt, loan.collateralAmount, loan.liquidationLtv) : null,
                priced ? LoanMath.collateralToReach(debt, loan.collateralAmount, price.price, loan.initialLtv,
                        assetScale) : null,
                priced ? LoanMath.repaymentToReach(debt, loan.collateralAmount, price.price, loan.initialLtv) : null,
                Assets.shown(loan.initialLtv, loan.warningLtv, loan.marginCallLtv, loan.liquidationLtv),
                loan.autoIncrease, loan.openedAt, loan.closedAt, loan.liquidationSurplus, loan.liquidationShortfall,
                loan.version);
    }
}
