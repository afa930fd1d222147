package io.shortfall.debt.rest;

import io.shortfall.debt.LiquidationReceipt;
import io.shortfall.debt.service.ReceiptProjection;
import io.shortfall.events.LiquidationEvents;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The liquidation receipt shown on a case, as liquidation-service computed it: {@code gross = proceeds +
 * floorCredit}, {@code debtCovered = min(gross, debt)}, {@code shortfall = debt - debtCovered}.
 */
public record ReceiptView(@NotNull UUID liquidationId, @NotNull UUID loanId, String collateralAsset, String policy,
                          BigDecimal collateralSold, BigDecimal referencePrice, BigDecimal proceeds,
                          BigDecimal floorCredit, BigDecimal gross, BigDecimal fee, BigDecimal debt,
                          BigDecimal debtCovered, BigDecimal surplus, @NotNull BigDecimal shortfall,
                          @NotNull List<LiquidationEvents.Fill> fills, @NotNull Instant completedAt) {

    public static ReceiptView of(LiquidationReceipt receipt) {
        return new ReceiptView(receipt.liquidationId, receipt.loanId, receipt.collateralAsset, receipt.policy,
                receipt.collateralSold, receipt.referencePrice, receipt.proceeds, receipt.floorCredit, receipt.gross,
                receipt.fee, receipt.debt, receipt.debtCovered, receipt.surplus, receipt.shortfall,
                ReceiptProjection.fills(receipt), receipt.completedAt);
    }
}
