package io.shortfall.liquidation.venue;

import java.math.BigDecimal;

/**
 * Where collateral is sold. Idempotent per client order id: an order id the venue has seen before returns the
 * fill it already made instead of selling again, so a retried slice never sells twice.
 */
public interface ExecutionVenue {

    /**
     * Sells {@code quantity} of {@code asset} at market.
     *
     * @param referencePrice the price at trigger time; a simulated venue prices from it, a real one may ignore it
     */
    VenueFill sell(String asset, BigDecimal quantity, String clientOrderId, BigDecimal referencePrice);
}
