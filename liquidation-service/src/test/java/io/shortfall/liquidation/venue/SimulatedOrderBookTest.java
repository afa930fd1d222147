package io.shortfall.liquidation.venue;

import io.shortfall.liquidation.config.LiquidationConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedOrderBookTest {

    private static LiquidationConfig.Book book(String depth, String impact, String floorFraction) {
        return book(depth, impact, floorFraction, false);
    }

    private static LiquidationConfig.Book book(String depth, String impact, String floorFraction, boolean walk) {
        return new LiquidationConfig.Book() {
            public BigDecimal depth() {
                return new BigDecimal(depth);
            }

            public BigDecimal impact() {
                return new BigDecimal(impact);
            }

            public BigDecimal floorFraction() {
                return new BigDecimal(floorFraction);
            }

            public double rejectRate() {
                return 0;
            }

            public double timeoutRate() {
                return 0;
            }

            public boolean walk() {
                return walk;
            }

            public java.time.Duration recovery() {
                return java.time.Duration.ofSeconds(10);
            }
        };
    }

    private static LiquidationConfig configWith(Map<String, LiquidationConfig.Book> books) {
        return new LiquidationConfig() {
            public Sale liquidation() {
                throw new UnsupportedOperationException();
            }

            public InsuranceFund insuranceFund() {
                throw new UnsupportedOperationException();
            }

            public Metrics metrics() {
                throw new UnsupportedOperationException();
            }

            public Venue venue() {
                return () -> books;
            }

            public String currency() {
                return "USDT";
            }
        };
    }

    private final LiquidationConfig.Book eth = book("100", "0.10", "0.50");
    private final SimulatedOrderBook venue = new SimulatedOrderBook(configWith(Map.of("ETH", eth)),
            Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC));

    @Test
    void thePriceFallsWithTheSizeOfTheOrder() {
        BigDecimal reference = new BigDecimal("2300");
        // 2300 x (1 - 0.10 x 0.5 / 100) = 2298.85
        assertThat(SimulatedOrderBook.fillPrice(eth, new BigDecimal("0.5"), reference)).hasToString("2298.85000000");
        // 2300 x (1 - 0.10 x 50 / 100) = 2185
        assertThat(SimulatedOrderBook.fillPrice(eth, new BigDecimal("50"), reference)).hasToString("2185.00000000");
        // Rounded down to the price scale: 100 x (1 - 0.1 x 0.00000001 / 3) = 99.9999999666...
        assertThat(SimulatedOrderBook.fillPrice(book("3", "0.1", "0.5"), new BigDecimal("0.00000001"),
                new BigDecimal("100"))).hasToString("99.99999996");
    }

    @Test
    void noOrderFillsBelowTheFloorFraction() {
        assertThat(SimulatedOrderBook.fillPrice(eth, new BigDecimal("10000"), new BigDecimal("2300")))
                .hasToString("1150.00000000");
    }

    @Test
    void aRepeatedClientOrderIdReturnsTheSameFillInsteadOfSellingAgain() {
        VenueFill first = venue.sell("ETH", new BigDecimal("0.5"), "liq-1", new BigDecimal("2300")).await().indefinitely();
        VenueFill again = venue.sell("ETH", new BigDecimal("0.5"), "liq-1", new BigDecimal("2000")).await().indefinitely();
        VenueFill other = venue.sell("ETH", new BigDecimal("0.5"), "liq-2", new BigDecimal("2000")).await().indefinitely();

        assertThat(first).isEqualTo(new VenueFill("liq-1", new BigDecimal("0.5"), new BigDecimal("2298.85000000"),
                Instant.parse("2026-11-22T10:15:30Z")));
        assertThat(again).isSameAs(first);
        assertThat(other.price()).isEqualByComparingTo("1999.00");
    }

    @Test
    void aWalkedBookFillsEachOrderLowerThanTheLastUntilItRecovers() {
        var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-22T10:15:30Z"));
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        var walked = new SimulatedOrderBook(configWith(Map.of("ATOM", book("100", "0.10", "0.50", true))), clock);
        BigDecimal ten = BigDecimal.TEN;
        // 10 x (1 − 0.10 × taken / 100), taken = 1, 2, 3
        assertThat(walked.fill("ATOM", BigDecimal.ONE, "w-1", ten).price()).isEqualByComparingTo("9.99");
        assertThat(walked.fill("ATOM", BigDecimal.ONE, "w-2", ten).price()).isEqualByComparingTo("9.98");
        assertThat(walked.fill("ATOM", BigDecimal.ONE, "w-1", ten).price()).isEqualByComparingTo("9.99");
        assertThat(walked.fill("ATOM", BigDecimal.ONE, "w-3", ten).price()).isEqualByComparingTo("9.97");
        now.set(now.get().plusSeconds(11));
        assertThat(walked.fill("ATOM", BigDecimal.ONE, "w-4", ten).price()).isEqualByComparingTo("9.99");
    }

    @Test
    void anOrderForNothingIsRefused() {
        assertThatThrownBy(() -> venue.sell("ETH", BigDecimal.ZERO, "liq-3", new BigDecimal("2300"))
                .await().indefinitely()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectedOrderIsNotExecutedATimedOutOneIsAndItsRetryReturnsTheSameFill() {
        venue.script("ETH", SimulatedOrderBook.Fault.REJECT, SimulatedOrderBook.Fault.TIMEOUT);

        assertThatThrownBy(() -> venue.sell("ETH", new BigDecimal("0.5"), "liq-4", new BigDecimal("2300"))
                .await().indefinitely()).isInstanceOf(VenueException.class);
        assertThat(venue.executions("liq-4")).isZero();

        assertThatThrownBy(() -> venue.sell("ETH", new BigDecimal("0.5"), "liq-4", new BigDecimal("2300"))
                .await().atMost(java.time.Duration.ofMillis(50))).isInstanceOf(io.smallrye.mutiny.TimeoutException.class);
        assertThat(venue.executions("liq-4")).isOne();

        VenueFill retried = venue.sell("ETH", new BigDecimal("0.5"), "liq-4", new BigDecimal("2300"))
                .await().indefinitely();
        assertThat(retried.price()).isEqualByComparingTo("2298.85");
        assertThat(venue.executions("liq-4")).isOne();
        assertThat(venue.soldUnder("liq-4")).isEqualByComparingTo("0.5");
    }
}
