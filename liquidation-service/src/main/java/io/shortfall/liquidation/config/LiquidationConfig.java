package io.shortfall.liquidation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** How collateral is sold and credited (docs/DOMAIN.md, "Liquidation"), and the simulated venue's order books. */
@ConfigMapping(prefix = "shortfall")
public interface LiquidationConfig {

    Sale liquidation();

    InsuranceFund insuranceFund();

    Venue venue();

    Metrics metrics();

    /** The quote currency of every amount. */
    @WithDefault("USDT")
    String currency();

    interface Sale {
        /** Orders a sale is cut into, each with client order id {@code <liquidationId>-<n>}. */
        @WithDefault("4")
        int slices();

        /** Of gross proceeds, taken only out of what exceeds the debt. */
        @WithDefault("0.05")
        BigDecimal feeRate();

        /** A fill further below the reference price than this fraction is credited at the floor. */
        @WithDefault("0.02")
        BigDecimal bestExecutionTolerance();

        /** Decimals of collateral quantities. */
        @WithDefault("8")
        int assetScale();

        /** How often the sale worker admits queued liquidations and sends the slices due. */
        @WithDefault("PT1S")
        Duration workerEvery();

        /** An order the venue has not answered in this long is taken as failed and retried (same order id). */
        @WithDefault("PT2S")
        Duration venueTimeout();

        /**
         * Sales a round claims at most, all assets together (a round that settled any is followed by the next at
         * once).
         */
        @WithDefault("500")
        int batchSize();

        /** Sales in flight at once, all assets (what the venue is asked to bear), shared by the rounds at once. */
        @WithDefault("64")
        int concurrency();

        /**
         * Rounds under way at once, each with sales of its own: while one records its outcomes (a few statements,
         * each waiting for the database), another claims and sells. Each has its share of {@code concurrency}.
         */
        @WithDefault("3")
        int roundsAtOnce();

        /** Sales of one asset a round claims at most; what is in flight at the venue at once is bounded by concurrency. */
        @WithDefault("200")
        int perAsset();

        /** The wait after a first failure; doubled after each consecutive one, up to {@code max-backoff}. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        @WithDefault("PT1M")
        Duration maxBackoff();

        /** The wait after {@code failures} consecutive failures (of a sale or a pledge sale): doubled, capped. */
        default Duration backoff(int failures) {
            Duration wait = retryBackoff().multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 20));
            return wait.compareTo(maxBackoff()) > 0 ? maxBackoff() : wait;
        }

        /** Consecutive failures after which a liquidation is STUCK, for an operator to look at and retry. */
        @WithDefault("8")
        int maxAttempts();

        /** Cap on the debt in liquidation at once per asset (MakerDAO's hole); an asset not listed gets the default. */
        Map<String, BigDecimal> debtCap();

        @WithDefault("10000000.00")
        BigDecimal defaultDebtCap();
    }

    interface InsuranceFund {
        /** The balance the fund starts from, before its first draw. */
        @WithDefault("1000000.00")
        BigDecimal initialBalance();
    }

    interface Metrics {
        /** How often the business gauges at {@code /q/metrics} are read again from the database. */
        @WithDefault("PT10S")
        Duration refreshEvery();
    }

    interface Venue {
        /** The simulated order book of each asset; an asset not listed gets the defaults. */
        @WithDefaults
        Map<String, Book> books();
    }

    interface Book {
        /** The quantity an order of which moves the price down by {@code impact}. */
        @WithDefault("100")
        BigDecimal depth();

        @WithDefault("0.10")
        BigDecimal impact();

        /** However large the order, it fills at no less than this fraction of the reference price. */
        @WithDefault("0.50")
        BigDecimal floorFraction();

        /** The chance an order is refused (before it is executed). */
        @WithDefault("0")
        double rejectRate();

        /** The chance an order is executed but its answer never comes. */
        @WithDefault("0")
        double timeoutRate();

        /**
         * Whether orders walk down the book: each order starts where the previous one left it (the quantity taken
         * since the book last recovered counts in its impact), so a sale's later slices fill lower.
         */
        @WithDefault("false")
        boolean walk();

        /** A walked book is whole again this long after its last order. */
        @WithDefault("PT10S")
        Duration recovery();
    }
}
