package io.shortfall.liquidation.venue;

import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;

/**
 * Where collateral is sold. Idempotent per client order id: an order id the venue has seen before returns the
 * fill it already made instead of selling again, so a slice retried after a timeout or a restart never sells
 * twice. A call may fail ({@link VenueException}: rejected, unavailable) or never answer: the caller times it out
 * and retries under the same client order id.
 */
public interface ExecutionVenue {

    /**
     * Sells {@code quantity} of {@code asset} at market.
     *
     * @param referencePrice the price at trigger time; a simulated venue prices from it, a real one may ignore it
     */
    Uni<VenueFill> sell(String asset, BigDecimal quantity, String clientOrderId, BigDecimal referencePrice);
}
