package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * ATOM is this class's alone. A position follows its loan's events: a tick reaches the loan by its new amounts.
 */
@QuarkusTest
class PositionUpdatesTest {

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    private List<MarginEvents.ZoneChanged> zoneChanges(UUID loan) {
        return kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.ZoneChanged.class, z -> z.loanId().equals(loan));
    }

    @Test
    void aPartialLiquidationAndAccruedInterestMoveTheLoanAtOnceAtTheLatestPrice() {
        UUID loan = loans.opens("ivan", "ATOM", "10", "975.00", false);        // 0.65 at 150
        Instant t0 = Instant.now();
        loans.tickApplied("ATOM", "150", t0);
        loans.tick("ATOM", "115", t0.plusSeconds(1));                           // 0.8478: RED, triggered
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.LiquidationTriggered.class, t -> t.loanId().equals(loan))).hasSize(1));

        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationStarted(loan, "ivan", "ATOM", BigDecimal.TEN,
                new BigDecimal("975.00"), BigDecimal.ZERO, new BigDecimal("115"), t0.plusSeconds(1),
                new BigDecimal("0.8478"), "PARTIAL", "RECOURSE", Thresholds.DEFAULTS, 1), "loan-service");
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.PartiallyLiquidated(loan, "ivan", UUID.randomUUID(),
                new BigDecimal("2"), new BigDecimal("325.00"), new BigDecimal("8"), new BigDecimal("650.00"),
                new BigDecimal("0.00"), 2), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower("ivan"))
                .get("/api/positions/" + loan).then()
                .body("status", equalTo("ACTIVE"))
                .body("collateralAmount", equalTo("8.00000000"))
                .body("debt", equalTo("650.00"))
                .body("liquidationTriggered", equalTo(false)));

        // Decided at once at the latest price, 115: 650 / (8 × 115) = 0.7065, far enough below the boundaries
        // to go back to GREEN, without waiting for a tick.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(zoneChanges(loan)).last().satisfies(z -> {
            assertThat(z.from()).isEqualTo("RED");
            assertThat(z.to()).isEqualTo("GREEN");
            assertThat(z.ltv()).hasToString("0.7065");
            assertThat(z.price()).isEqualByComparingTo("115");
        }));

        // Interest: 750 / 920 = 0.8152, RED again at the same price, with a margin call, at once
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.InterestAccrued(loan, new BigDecimal("100.00"),
                LocalDate.now(), 3), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(zoneChanges(loan)).last().satisfies(z -> {
            assertThat(z.from()).isEqualTo("GREEN");
            assertThat(z.to()).isEqualTo("RED");
            assertThat(z.ltv()).hasToString("0.8152");
        }));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.MarginCall.class, c -> c.loanId().equals(loan))).hasSize(2));
        given().auth().oauth2(Tokens.operator()).get("/api/positions/" + loan).then().body("debt", equalTo("750.00"))
                .body("zone", equalTo("RED"));
    }

    /** NEAR is this test's alone. */
    @Test
    void aLoanOfAmountsBeyondALongIsWatchedLikeAnyOther() {
        // 10^20 NEAR against 6.5 × 10^22 USDT: 0.65 at 1000, amounts beyond a long (its boundaries are not)
        UUID loan = loans.opens("kate", "NEAR", "100000000000000000000", "65000000000000000000000.00", false);
        loans.tick("NEAR", "700", Instant.now());                                // 0.9286
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.LiquidationTriggered.class, t -> t.loanId().equals(loan))).singleElement()
                .satisfies(t -> assertThat(t.ltv()).hasToString("0.9286")));
        assertThat(zoneChanges(loan)).singleElement().satisfies(z -> assertThat(z.to()).isEqualTo("RED"));
    }
}
