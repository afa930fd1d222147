package io.shortfall.liquidation.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.testing.Metrics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business gauges at /q/metrics (no token), read from the database every 0.5 s in %test. ADA is this
 * test's alone: its totals are exactly its liquidations'.
 */
@QuarkusTest
class BusinessMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Test
    void aLiquidationWithAShortfallShowsInTheTotalsOfItsAssetOnceHoweverOftenItIsDelivered() {
        UUID loan = UUID.randomUUID();
        // ADA has no book of its own (depth 100, impact 0.10): 4 x 1 ADA at 1 x 0.999 = 3.99 against 10.00.
        var lock = kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationStarted(loan, "frank", "ADA",
                new BigDecimal("4"), new BigDecimal("10.00"), BigDecimal.ZERO, BigDecimal.ONE, Instant.now(),
                new BigDecimal("0.85"), "FULL", "RECOURSE", Thresholds.DEFAULTS, 1), "loan-service");
        kafka.republish(Topics.LOAN_EVENTS, lock);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LIQUIDATION_EVENTS,
                LiquidationEvents.LiquidationCompleted.class, c -> c.loanId().equals(loan))).singleElement()
                .satisfies(c -> assertThat(c.shortfall()).hasToString("6.01")));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Metrics.value("shortfall_liquidations", "asset", "ADA")).isEqualByComparingTo("1");
            assertThat(Metrics.value("shortfall_liquidation_shortfall_total", "asset", "ADA"))
                    .isEqualByComparingTo("6.01");
            assertThat(Metrics.value("shortfall_liquidation_surplus_total", "asset", "ADA")).isEqualByComparingTo("0");
            assertThat(Metrics.value("shortfall_liquidation_fee_total", "asset", "ADA")).isEqualByComparingTo("0");
        });

        // A later lock of the same loan (same partition): once it is sold, the redelivery before it was consumed.
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationStarted(loan, "frank", "ADA",
                new BigDecimal("4"), new BigDecimal("1.00"), BigDecimal.ZERO, BigDecimal.ONE, Instant.now(),
                new BigDecimal("0.85"), "FULL", "RECOURSE", Thresholds.DEFAULTS, 2), "loan-service");
        // 3.99 against 1.00: fee min(5% x 3.99 = 0.1995, 2.99) = 0.20 (the fee takes the fraction), surplus 2.79.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Metrics.value("shortfall_liquidations", "asset", "ADA")).isEqualByComparingTo("2");
            assertThat(Metrics.value("shortfall_liquidation_shortfall_total", "asset", "ADA"))
                    .isEqualByComparingTo("6.01");
            assertThat(Metrics.value("shortfall_liquidation_fee_total", "asset", "ADA")).isEqualByComparingTo("0.20");
            assertThat(Metrics.value("shortfall_liquidation_surplus_total", "asset", "ADA"))
                    .isEqualByComparingTo("2.79");
        });
    }

    @Test
    void theInsuranceFundBalanceIsAGauge() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            String balance = given().auth().oauth2(Tokens.operator()).get("/api/insurance-fund").then()
                    .statusCode(200).extract().path("balance");
            assertThat(Metrics.value("shortfall_insurance_fund_balance", "currency", "USDT"))
                    .isEqualByComparingTo(balance);
        });
    }
}
