package io.shortfall.margin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** What margin-service watches and how (docs/DOMAIN.md defaults). A loan's thresholds come with the loan. */
@ConfigMapping(prefix = "shortfall")
public interface MarginConfig {

    /** Collateral assets by symbol; BTC, ETH and SOL out of the box. */
    Map<String, Asset> assets();

    /** A tick observed longer ago than this (by the clock) is stale: no liquidation is triggered on it. */
    @WithDefault("PT5M")
    Duration priceMaxAge();

    /** While RED, the margin call is repeated this long after the last call, by the clock. */
    @WithDefault("PT6H")
    Duration marginCallRepeat();

    /** How far below a boundary the LTV must be to move to a safer zone: 1 point. */
    @WithDefault("0.01")
    BigDecimal zoneHysteresis();

    Breaker breaker();

    /** How positions are decided. */
    Decisions margin();

    interface Decisions {
        /** Positions decided per transaction. */
        @WithDefault("1000")
        int batchSize();

        /**
         * How often every asset is looked at without a tick: margin calls falling due by the clock, and what a
         * replica that stopped in the middle of a tick left undecided.
         */
        @WithDefault("PT5S")
        Duration sweepEvery();
    }

    interface Asset {
        /** Decimals of the asset's amounts. */
        @WithDefault("8")
        int scale();
    }

    interface Breaker {
        /** A tick below this fraction of the highest price of the last hour trips the asset's breaker. */
        @WithDefault("0.5")
        BigDecimal ratio();

        /** ... if the previous one was observed at most this long before. */
        @WithDefault("PT1H")
        Duration window();
    }
}
