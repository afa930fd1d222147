package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.Metrics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The crash path of a loan, tick by tick, on the real broker and database. Before asserting that an event did
 * not come, a test waits for {@link LoanService#awaitMarginEventsRelayed()}: the relay may publish up to 100 ms
 * after the tick was seen applied.
 */
@QuarkusTest
class CrashTest {

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    @jakarta.inject.Inject
    io.shortfall.testing.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void clockBack() {
        clock.reset();
    }

    private <T extends io.shortfall.events.EventPayload> List<T> margin(Class<T> type, UUID loan) {
        return kafka.payloads(Topics.MARGIN_EVENTS, type, e -> e.aggregateId().equals(loan.toString()));
    }

    /** The types of the loan's margin events, in the order they were published. */
    private List<String> typesOf(UUID loan) {
        return kafka.records(Topics.MARGIN_EVENTS).stream().filter(r -> loan.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value()).type()).toList();
    }

    /** Counted since the service started; BTC is {@link #aCrashWarnsCallsAndTriggersLiquidationOnceEvenWhenTheTickIsDeliveredAgain}'s alone. */
    private static void assertBtcCounters(String firstCalls, String repeatedCalls, String triggered) {
        assertThat(Metrics.value("shortfall_margin_calls_total", "asset", "BTC", "repeat", "false"))
                .isEqualByComparingTo(firstCalls);
        assertThat(Metrics.value("shortfall_margin_calls_total", "asset", "BTC", "repeat", "true"))
                .isEqualByComparingTo(repeatedCalls);
        assertThat(Metrics.value("shortfall_liquidations_triggered_total", "asset", "BTC"))
                .isEqualByComparingTo(triggered);
    }

    private void awaitPositionStatus(UUID loan, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .get("/api/positions/" + loan).then().body("status", equalTo(status)));
    }

    @Test
    void aCrashWarnsCallsAndTriggersLiquidationOnceEvenWhenTheTickIsDeliveredAgain() {
        // BTC is this test's alone: it moves the clock of BTC ticks six hours ahead.
        // The service keeps prices to the microsecond (as PostgreSQL does): what it states is the price it kept.
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        UUID loan = loans.opens("alice", "BTC", "1", "39000.00", true);          // 0.65 at 60000
        loans.tickApplied("BTC", "60000", t0);
        given().auth().oauth2(Tokens.borrower("alice")).get("/api/positions/" + loan).then()
                .body("ltv", equalTo("0.6500")).body("zone", equalTo("GREEN"));

        loans.tick("BTC", "52000", t0.plusSeconds(1));                          // 0.7500: ORANGE
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.ZoneChanged.class, loan))
                .singleElement().satisfies(z -> {
                    assertThat(z.from()).isEqualTo("GREEN");
                    assertThat(z.to()).isEqualTo("ORANGE");
                    assertThat(z.ltv()).hasToString("0.7500");
                    assertThat(z.borrowerId()).isEqualTo("alice");
                    assertThat(z.collateralAsset()).isEqualTo("BTC");
                }));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.AutoIncreaseRequested.class, loan))
                .singleElement().satisfies(r -> {
                    assertThat(r.targetLtv()).isEqualByComparingTo("0.65");
                    assertThat(r.collateralNeeded()).hasToString("0.15384616");
                }));

        loans.tick("BTC", "48000", t0.plusSeconds(2));                          // 0.8125: RED
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.MarginCall.class, loan))
                .singleElement().satisfies(c -> {
                    assertThat(c.repeat()).isZero();
                    assertThat(c.ltv()).hasToString("0.8125");
                    assertThat(c.price()).isEqualByComparingTo("48000");
                    assertThat(c.debt()).isEqualByComparingTo("39000");
                    assertThat(c.collateralAmount()).isEqualByComparingTo("1");
                    assertThat(c.addCollateral()).hasToString("0.25000000");
                    assertThat(c.orRepay()).hasToString("7800.00");
                    assertThat(c.liquidationPrice()).hasToString("46801.87207488");
                }));
        assertThat(margin(MarginEvents.LiquidationTriggered.class, loan)).isEmpty();

        Instant crashAt = t0.plusSeconds(3);
        EventEnvelope crash = loans.tick("BTC", "46000", crashAt);             // 0.8478 >= 0.8333
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.LiquidationTriggered.class, loan))
                .singleElement().satisfies(t -> {
                    assertThat(t.ltv()).hasToString("0.8478");
                    assertThat(t.price()).isEqualByComparingTo("46000");
                    assertThat(t.priceObservedAt()).isEqualTo(crashAt);
                }));
        // Counted once the tick's transaction committed: shortly after, at /q/metrics.
        await().atMost(PATIENCE).untilAsserted(() -> assertBtcCounters("1", "0", "1"));

        // The same tick again, then a lower one: the loan is already triggered. Neither emits nor counts anything.
        kafka.republish(Topics.MARKET_PRICES, crash);
        loans.tickApplied("BTC", "45000", t0.plusSeconds(4));
        loans.awaitMarginEventsRelayed();
        assertBtcCounters("1", "0", "1");
        assertThat(margin(MarginEvents.LiquidationTriggered.class, loan)).hasSize(1);
        assertThat(margin(MarginEvents.MarginCall.class, loan)).hasSize(1);
        assertThat(typesOf(loan)).containsSubsequence("ZoneChanged", "ZoneChanged", "MarginCall",
                "LiquidationTriggered");
        assertThat(typesOf(loan)).containsExactly("ZoneChanged", "AutoIncreaseRequested", "ZoneChanged",
                "MarginCall", "AutoIncreaseRequested", "LiquidationTriggered");
        given().auth().oauth2(Tokens.borrower("alice")).get("/api/positions/" + loan).then()
                .body("zone", equalTo("RED")).body("liquidationTriggered", equalTo(true));

        // loan-service found it recovered at lock time: the trigger is cleared; the same price does not trigger it
        // again (loan-service has just judged it), a newer one may. Six hours after the first call (by the clock),
        // the call is repeated.
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationDeclined(loan, "recovered", new BigDecimal("0.82"),
                0), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .get("/api/positions/" + loan).then().body("liquidationTriggered", equalTo(false)));
        BigDecimal rounds = Metrics.value("shortfall_margin_rounds_total", "asset", "BTC");
        await().atMost(PATIENCE).until(() -> Metrics.value("shortfall_margin_rounds_total", "asset", "BTC")
                .compareTo(rounds.add(BigDecimal.valueOf(2))) >= 0);             // two sweeps since the decline
        loans.awaitMarginEventsRelayed();
        assertThat(margin(MarginEvents.LiquidationTriggered.class, loan)).hasSize(1);
        clock.advance(Duration.ofHours(6));
        Instant later = clock.instant();
        loans.tick("BTC", "45500", later);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.LiquidationTriggered.class, loan))
                .hasSize(2));
        assertThat(margin(MarginEvents.MarginCall.class, loan)).extracting(MarginEvents.MarginCall::repeat)
                .containsExactly(0, 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertBtcCounters("1", "1", "2"));

        // Locked for the sale, then closed: no more calls or triggers.
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationStarted(loan, "alice", "BTC", BigDecimal.ONE,
                new BigDecimal("39000.00"), BigDecimal.ZERO, new BigDecimal("45500"), later, new BigDecimal("0.8571"),
                "FULL", "RECOURSE", Thresholds.DEFAULTS, 1), "loan-service");
        awaitPositionStatus(loan, "LIQUIDATING");
        loans.tickApplied("BTC", "44000", later.plus(Duration.ofHours(7)));
        loans.awaitMarginEventsRelayed();
        assertThat(margin(MarginEvents.LiquidationTriggered.class, loan)).hasSize(2);
        assertThat(margin(MarginEvents.MarginCall.class, loan)).hasSize(2);
        assertBtcCounters("1", "1", "2");

        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LoanClosed(loan, "alice", "LIQUIDATED", BigDecimal.ZERO, 2),
                "loan-service");
        awaitPositionStatus(loan, "CLOSED");
    }

    @Test
    void noLiquidationIsTriggeredOnAStalePriceButTheZoneAndCallStillMove() {
        // AVAX is this test's alone (a test-profile asset): nothing newer than the stale tick comes in between.
        UUID loan = loans.opens("carol", "AVAX", "100", "1950.00", false);  // 0.65 at 30
        Instant stale = Instant.now().minus(Duration.ofMinutes(10));
        loans.tick("AVAX", "20", stale);                                        // 0.975, ten minutes old

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.MarginCall.class, loan))
                .singleElement().satisfies(c -> assertThat(c.ltv()).hasToString("0.9750")));
        assertThat(margin(MarginEvents.ZoneChanged.class, loan)).singleElement()
                .satisfies(z -> assertThat(z.to()).isEqualTo("RED"));
        assertThat(margin(MarginEvents.LiquidationTriggered.class, loan)).isEmpty();
        given().auth().oauth2(Tokens.agent()).get("/api/positions/" + loan).then()
                .body("ltv", equalTo("0.9750")).body("liquidationTriggered", equalTo(false));

        Instant fresh = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        loans.tick("AVAX", "20", fresh);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.LiquidationTriggered.class, loan))
                .singleElement().satisfies(t -> assertThat(t.priceObservedAt()).isEqualTo(fresh)));
    }

    @Test
    void eventsOlderThanTheLoanVersionAppliedChangeNothing() {
        UUID loan = loans.opens("dave", "AVAX", "10", "100.00", false);
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(loan, "dave", "AVAX", new BigDecimal("5"),
                "BORROWER", new BigDecimal("15"), 2), "loan-service");
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(loan, "dave", "AVAX", new BigDecimal("1"),
                "BORROWER", new BigDecimal("11"), 1), "loan-service");
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LoanRepaid(loan, "dave", new BigDecimal("50.00"),
                BigDecimal.ZERO, new BigDecimal("50.00"), new BigDecimal("50.00"), new BigDecimal("1.25"), 3),
                "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower("dave"))
                .get("/api/positions/" + loan).then()
                .body("debt", equalTo("51.25"))
                .body("collateralAmount", equalTo("15.00000000")));
    }

    @Test
    void whileRedTheMarginCallIsRepeatedSixHoursLaterByTheClockWithoutATick() {
        // HBAR is this test's alone.
        UUID loan = loans.opens("hank", "HBAR", "1000", "65.00", false);          // 0.65 at 0.10
        loans.tick("HBAR", "0.08", clock.instant());                              // 0.8125: RED, called
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.MarginCall.class, loan))
                .singleElement().satisfies(c -> assertThat(c.repeat()).isZero()));

        clock.advance(Duration.ofHours(6));                                       // no tick comes
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(margin(MarginEvents.MarginCall.class, loan))
                .extracting(MarginEvents.MarginCall::repeat).containsExactly(0, 1));
        assertThat(margin(MarginEvents.MarginCall.class, loan)).last()
                .satisfies(c -> assertThat(c.price()).isEqualByComparingTo("0.08"));
    }
}
