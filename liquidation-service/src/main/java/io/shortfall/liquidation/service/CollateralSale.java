package io.shortfall.liquidation.service;

import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.domain.LiquidationIds;
import io.shortfall.liquidation.domain.Slices;
import io.shortfall.liquidation.venue.ExecutionVenue;
import io.shortfall.liquidation.venue.VenueFill;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sells a quantity through the venue in slices ({@code shortfall.liquidation.slices}), slice {@code n} under
 * client order id {@code <liquidationId>-<n>}: selling the same liquidation again returns the same fills.
 */
@ApplicationScoped
public class CollateralSale {

    private final ExecutionVenue venue;
    private final LiquidationConfig config;

    public CollateralSale(ExecutionVenue venue, LiquidationConfig config) {
        this.venue = venue;
        this.config = config;
    }

    public List<VenueFill> sell(UUID liquidationId, String asset, BigDecimal quantity, BigDecimal referencePrice) {
        List<BigDecimal> slices = Slices.of(quantity, config.liquidation().slices(), config.liquidation().assetScale());
        List<VenueFill> fills = new ArrayList<>(slices.size());
        for (int n = 1; n <= slices.size(); n++) {
            fills.add(venue.sell(asset, slices.get(n - 1), LiquidationIds.clientOrderId(liquidationId, n),
                    referencePrice));
        }
        return fills;
    }
}
