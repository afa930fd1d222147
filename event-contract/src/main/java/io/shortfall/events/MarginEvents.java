package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code margin.events}, produced by margin-service, keyed by loan id (breaker events by asset).
 * Events carry the asset and the debt where a borrower's message needs them.
 */
public sealed interface MarginEvents extends EventPayload {

    @JsonTypeName("ZoneChanged")
    public record ZoneChanged(UUID loanId, String borrowerId, String collateralAsset, String from, String to,
                              BigDecimal ltv, BigDecimal price) implements MarginEvents, KeyedByLoan {
    }

    /**
     * The last warning. {@code addCollateral} (in the asset) or {@code orRepay} (USDT) brings the LTV back
     * to the initial LTV. {@code repeat} is 0 for the first call and counts the 6-hourly repeats.
     */
    @JsonTypeName("MarginCall")
    public record MarginCall(UUID loanId, String borrowerId, String collateralAsset, BigDecimal collateralAmount,
                             BigDecimal debt, BigDecimal ltv, BigDecimal price, BigDecimal liquidationPrice,
                             BigDecimal addCollateral, BigDecimal orRepay, int repeat)
            implements MarginEvents, KeyedByLoan {
    }

    @JsonTypeName("AutoIncreaseRequested")
    public record AutoIncreaseRequested(UUID loanId, BigDecimal targetLtv, BigDecimal collateralNeeded)
            implements MarginEvents, KeyedByLoan {
    }

    @JsonTypeName("LiquidationTriggered")
    public record LiquidationTriggered(UUID loanId, BigDecimal ltv, BigDecimal price, Instant priceObservedAt)
            implements MarginEvents, KeyedByLoan {
    }

    @JsonTypeName("BreakerTripped")
    public record BreakerTripped(String asset, BigDecimal previous, BigDecimal price)
            implements MarginEvents, KeyedByAsset {
    }

    @JsonTypeName("BreakerReset")
    public record BreakerReset(String asset, String by) implements MarginEvents, KeyedByAsset {
    }

    /**
     * Every type of {@code margin.events} by its wire name (see {@link LoanEvents.Type}). A consumer
     * switches over these ({@link EventEnvelope#typeIn}), naming each one: a type added here fails to compile
     * wherever it is not handled.
     */
    enum Type {
        ZONE_CHANGED, MARGIN_CALL, AUTO_INCREASE_REQUESTED, LIQUIDATION_TRIGGERED, BREAKER_TRIPPED, BREAKER_RESET
    }
}
