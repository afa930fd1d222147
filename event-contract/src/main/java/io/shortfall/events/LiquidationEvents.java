package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code liquidation.events}, produced by liquidation-service, keyed by loan id (a pledge sale by case id).
 * Results carry the asset, the reference price and the best-execution floor credit, so the
 * receipt's arithmetic can be redone from the event alone.
 */
public sealed interface LiquidationEvents extends EventPayload {

    public record Fill(@NotNull Instant at, @NotNull BigDecimal quantity, @NotNull BigDecimal price,
                       @NotNull BigDecimal referencePrice, @NotNull String clientOrderId) {
    }

    /**
     * {@code gross} is what the fills fetched plus {@code floorCredit}; {@code debtCovered = min(gross, debt)};
     * {@code fee} comes only out of what exceeds the debt; {@code surplus = gross - debtCovered - fee};
     * {@code shortfall = debt - debtCovered}.
     */
    @JsonTypeName("LiquidationCompleted")
    public record LiquidationCompleted(UUID liquidationId, UUID loanId, String borrowerId, String collateralAsset,
                                       String policy, BigDecimal collateralSold, BigDecimal referencePrice,
                                       BigDecimal proceeds, BigDecimal floorCredit, BigDecimal gross,
                                       BigDecimal fee, BigDecimal debt, BigDecimal debtCovered, BigDecimal surplus,
                                       BigDecimal shortfall, List<Fill> fills)
            implements LiquidationEvents, KeyedByLoan {
    }

    @JsonTypeName("NegativeBalanceRecorded")
    public record NegativeBalanceRecorded(UUID liquidationId, UUID loanId, String borrowerId, BigDecimal amount,
                                          String currency, String recourse) implements LiquidationEvents, KeyedByLoan {
    }

    @JsonTypeName("InsuranceFundDrawn")
    public record InsuranceFundDrawn(UUID liquidationId, UUID loanId, BigDecimal amount, BigDecimal balanceAfter)
            implements LiquidationEvents, KeyedByLoan {
    }

    /**
     * A forfeited pledge sold at the venue (keyed by case): {@code proceeds} = the fills' sum, no liquidation fee;
     * {@code price} their average. debt-collection-service applies it ({@code DebtEvents.PledgeProceedsApplied}).
     */
    @JsonTypeName("PledgeSold")
    public record PledgeSold(UUID pledgeId, UUID caseId, String borrowerId, String asset, BigDecimal quantity,
                             BigDecimal price, BigDecimal proceeds, String clientOrderId)
            implements LiquidationEvents, KeyedByCase {
    }

    /**
     * Every type of {@code liquidation.events} by its wire name (see {@link LoanEvents.Type}). A consumer
     * switches over these ({@link EventEnvelope#typeIn}), naming each one: a type added here fails to compile
     * wherever it is not handled.
     */
    enum Type {
        LIQUIDATION_COMPLETED, NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN, PLEDGE_SOLD
    }
}
