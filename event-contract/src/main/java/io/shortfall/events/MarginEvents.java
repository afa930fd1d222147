package io.shortfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code margin.events}, produced by margin-service, keyed by loan id (breaker events by asset).
 * Events carry the asset and the debt where a borrower's message needs them.
 */
public final class MarginEvents {

    public record ZoneChanged(UUID loanId, String borrowerId, String collateralAsset, String from, String to,
                              BigDecimal ltv, BigDecimal price) implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    /**
     * The last warning. {@code addCollateral} (in the asset) or {@code orRepay} (USDT) brings the LTV back
     * to the initial LTV. {@code repeat} is 0 for the first call and counts the 6-hourly repeats.
     */
    public record MarginCall(UUID loanId, String borrowerId, String collateralAsset, BigDecimal collateralAmount,
                             BigDecimal debt, BigDecimal ltv, BigDecimal price, BigDecimal liquidationPrice,
                             BigDecimal addCollateral, BigDecimal orRepay, int repeat) implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    public record AutoIncreaseRequested(UUID loanId, BigDecimal targetLtv, BigDecimal collateralNeeded)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    public record LiquidationTriggered(UUID loanId, BigDecimal ltv, BigDecimal price, Instant priceObservedAt)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return loanId.toString();
        }
    }

    public record BreakerTripped(String asset, BigDecimal previous, BigDecimal price) implements EventPayload {
        @Override
        public String aggregateId() {
            return asset;
        }
    }

    public record BreakerReset(String asset, String by) implements EventPayload {
        @Override
        public String aggregateId() {
            return asset;
        }
    }

    private MarginEvents() {
    }
}
