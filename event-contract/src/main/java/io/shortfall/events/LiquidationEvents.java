package io.shortfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code liquidation.events}, produced by liquidation-service, keyed by loan id (a pledge sale by case id).
 * Results carry the asset, the reference price and the best-execution floor credit, so the
 * receipt's arithmetic can be redone from the event alone.
 */
public final class LiquidationEvents {

    public record Fill(Instant at, BigDecimal quantity, BigDecimal price, BigDecimal referencePrice,
                       String clientOrderId) {
    }

    /**
     * {@code gross} is what the fills fetched plus {@code floorCredit}; {@code debtCovered = min(gross, debt)};
     * {@code fee} comes only out of what exceeds the debt; {@code surplus = gross - debtCovered - fee};
     * {@code shortfall = debt - debtCovered}.
     */
    public record LiquidationCompleted(UUID liquidationId, UUID loanId, String borrowerId, String collateralAsset,
                                       String policy, BigDecimal collateralSold, BigDecimal referencePrice,
                                       BigDecimal proceeds, BigDecimal floorCredit, BigDecimal gross,
                                       BigDecimal fee, BigDecimal debt, BigDecimal debtCovered, BigDecimal surplus,
                                       BigDecimal shortfall, List<Fill> fills) implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    public record NegativeBalanceRecorded(UUID liquidationId, UUID loanId, String borrowerId, BigDecimal amount,
                                          String currency, String recourse) implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    public record InsuranceFundDrawn(UUID liquidationId, UUID loanId, BigDecimal amount, BigDecimal balanceAfter)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    /**
     * A forfeited pledge sold at the venue (keyed by case): {@code proceeds} = the fills' sum, no liquidation fee;
     * {@code price} their average. debt-collection-service applies it ({@code DebtEvents.PledgeProceedsApplied}).
     */
    public record PledgeSold(UUID pledgeId, UUID caseId, String borrowerId, String asset, BigDecimal quantity,
                             BigDecimal price, BigDecimal proceeds, String clientOrderId) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    private LiquidationEvents() {
    }
}
