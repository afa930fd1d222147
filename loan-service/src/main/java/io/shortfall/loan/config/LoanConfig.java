package io.shortfall.loan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Loan terms and the supported collateral assets (docs/DOMAIN.md defaults, each configurable per asset). */
@ConfigMapping(prefix = "shortfall")
public interface LoanConfig {

    /** Collateral assets by symbol; BTC, ETH and SOL out of the box. */
    Map<String, Asset> assets();

    /** The quote currency everything is borrowed in. */
    @WithDefault("USDT")
    String currency();

    @WithDefault("100.00")
    BigDecimal minimumPrincipal();

    /** Annual interest rate of new loans, as a fraction. */
    @WithDefault("0.12")
    BigDecimal apr();

    /** A price older than this is stale: no loan opens on it and no liquidation starts on it. */
    @WithDefault("PT5M")
    Duration priceMaxAge();

    /** The daily interest accrual. */
    InterestAccrual interest();

    interface InterestAccrual {
        /** How often ACTIVE loans are looked at; each accrues once the day (UTC) has turned. */
        @WithDefault("PT10M")
        Duration interval();

        /** Loans accrued per round at most. */
        @WithDefault("500")
        int batchSize();
    }

    interface Asset {
        @WithDefault("0.65")
        BigDecimal initialLtv();

        @WithDefault("0.75")
        BigDecimal warningLtv();

        @WithDefault("0.80")
        BigDecimal marginCallLtv();

        @WithDefault("0.8333")
        BigDecimal liquidationLtv();

        /** FULL or PARTIAL. */
        @WithDefault("FULL")
        String liquidationPolicy();

        /** RECOURSE or NON_RECOURSE. */
        @WithDefault("RECOURSE")
        String recourse();

        /** Decimals of the asset's amounts. */
        @WithDefault("8")
        int scale();
    }
}
