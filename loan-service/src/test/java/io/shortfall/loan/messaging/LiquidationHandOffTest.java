package io.shortfall.loan.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class LiquidationHandOffTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    @Inject
    TestClock clock;
    private final String alice = Tokens.borrower("alice");

    private void ethAt(String price, Instant at) {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("ETH", new BigDecimal(price), "test", at), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/assets").then()
                .body("find { it.asset == 'ETH' }.price", equalTo(new BigDecimal(price).setScale(8).toPlainString())));
    }

    private UUID openEthLoan(String collateral, String principal) {
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"collateralAsset":"ETH","collateralAmount":"%s","principal":"%s"}""".formatted(collateral, principal))
                .post("/api/loans").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private void awaitZone(UUID loan, String zone) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("zone", equalTo(zone)));
    }

    private List<LoanEvents.LiquidationStarted> started(UUID loan) {
        return kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LiquidationStarted.class, e -> e.loanId().equals(loan));
    }

    @Test
    void aTriggeredLoanIsLockedOnceHandedToTheSaleAndClosedWhenItIsDone() {
        ethAt("3000", Instant.now());
        UUID loan = openEthLoan("2", "3900");                 // LTV 0.65
        Instant crash = Instant.now();
        ethAt("2300", crash);                                   // LTV 0.8478 >= 0.8333
        EventEnvelope trigger = kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan,
                new BigDecimal("0.8478"), new BigDecimal("2300"), crash), "margin-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(started(loan)).singleElement().satisfies(s -> {
            assertThat(s.collateralAmount()).isEqualByComparingTo("2");
            assertThat(s.principal()).isEqualByComparingTo("3900");
            assertThat(s.referencePrice()).isEqualByComparingTo("2300");
            assertThat(s.policy()).isEqualTo("FULL");
            assertThat(s.recourse()).isEqualTo("RECOURSE");
        }));
        given().auth().oauth2(alice).get("/api/loans/" + loan).then().body("status", equalTo("LIQUIDATING"));

        // The same trigger delivered again, then a later event on the same partition to know it was consumed.
        kafka.republish(Topics.MARGIN_EVENTS, trigger);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.ZoneChanged(loan, "alice", "ETH", "ORANGE", "RED",
                new BigDecimal("0.8478"), new BigDecimal("2300")), "margin-service");
        awaitZone(loan, "RED");
        // The relay publishes in commit order: once a later event is on the topic, so is any second start.
        UUID later = openEthLoan("1", "100");
        await().atMost(PATIENCE).until(() -> !kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanOpened.class,
                e -> e.loanId().equals(later)).isEmpty());
        assertThat(started(loan)).hasSize(1);

        UUID liquidationId = UUID.randomUUID();
        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(liquidationId, loan,
                "alice", "ETH", "FULL", new BigDecimal("2.00000000"), new BigDecimal("2300"),
                new BigDecimal("3800.00"), new BigDecimal("0.00"), new BigDecimal("3800.00"), new BigDecimal("0.00"),
                new BigDecimal("3900.00"), new BigDecimal("3800.00"), new BigDecimal("0.00"), new BigDecimal("100.00"),
                List.of()), "liquidation-service");

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATED"))
                .body("collateralAmount", equalTo("0.00000000"))
                .body("liquidationShortfall", equalTo("100.00")));
        // The relay publishes after the commit the API already shows: wait for the event itself.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LoanClosed.class, c -> c.loanId().equals(loan)))
                .singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("LIQUIDATED")));
    }

    @Test
    void aBatchOfTriggersLocksEveryLoanAndEachEventCarriesTheVersionOfItsOwnChange() {
        ethAt("3000", Instant.now());
        List<UUID> loans = IntStream.range(0, 40).mapToObj(i -> openEthLoan("2", "3900")).toList();
        Map<UUID, Long> opened = new HashMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanOpened.class, o -> loans.contains(o.loanId()))
                    .forEach(o -> opened.put(o.loanId(), o.loanVersion()));
            assertThat(opened).hasSize(loans.size());
        });
        Instant crash = Instant.now();
        ethAt("2300", crash);                                   // LTV 0.8478 >= 0.8333 for every one
        // Published together, so they reach the service in few batches: each loan is locked, then told its zone.
        List<EventPayload> margin = new ArrayList<>();
        for (UUID loan : loans) {
            margin.add(new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8478"), new BigDecimal("2300"),
                    crash));
            margin.add(new MarginEvents.ZoneChanged(loan, "alice", "ETH", "ORANGE", "RED", new BigDecimal("0.8478"),
                    new BigDecimal("2300")));
        }
        kafka.publishAll(Topics.MARGIN_EVENTS, margin, "margin-service");

        for (UUID loan : loans) {
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                    .body("status", equalTo("LIQUIDATING")).body("zone", equalTo("RED")));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(started(loan)).singleElement()
                    .satisfies(s -> assertThat(s.loanVersion()).isEqualTo(opened.get(loan) + 1)));
            // The lock is the loan's one versioned change (the zone margin-service reports is not versioned).
            given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                    .body("version", equalTo((int) (opened.get(loan) + 1)));
        }
    }

    @Test
    void aLoanThatRecoveredBeforeTheLockIsNotSold() {
        ethAt("3000", Instant.now());
        UUID loan = openEthLoan("1", "1900");
        Instant stale = Instant.now().minusSeconds(60);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.9"),
                new BigDecimal("2100"), stale), "margin-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LiquidationDeclined.class, d -> d.loanId().equals(loan)))
                .singleElement().satisfies(d -> assertThat(d.reason()).contains("recovered")));
        assertThat(started(loan)).isEmpty();
        given().auth().oauth2(alice).get("/api/loans/" + loan).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void nothingIsSoldOnAStalePrice() {
        ethAt("3000", Instant.now());
        UUID loan = openEthLoan("1", "1900");
        Instant crash = Instant.now();
        ethAt("2200", crash);                                   // LTV 0.8636: liquidate, were the price fresh
        clock.advance(Duration.ofMinutes(6));                   // ... but no tick came for six minutes
        try {
            kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8636"),
                    new BigDecimal("2200"), crash), "margin-service");

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                    LoanEvents.LiquidationDeclined.class, d -> d.loanId().equals(loan)))
                    .singleElement().satisfies(d -> assertThat(d.reason()).startsWith("stale price")));
        } finally {
            clock.reset();
        }
        assertThat(started(loan)).isEmpty();
        given().auth().oauth2(alice).get("/api/loans/" + loan).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aPoisonRecordGoesToTheDlqAndTheNextRecordIsStillApplied() {
        ethAt("3000", Instant.now());
        UUID loan = openEthLoan("1", "1000");
        String poison = "{\"this is\": \"not an envelope\"";
        kafka.sendRaw(Topics.MARGIN_EVENTS, loan.toString(), poison);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.ZoneChanged(loan, "alice", "ETH", "GREEN", "ORANGE",
                new BigDecimal("0.76"), new BigDecimal("1300")), "margin-service");

        awaitZone(loan, "ORANGE");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.records(Topics.dlq(Topics.MARGIN_EVENTS)))
                .anySatisfy(r -> {
                    assertThat(r.value()).isEqualTo(poison);
                    assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("not an event envelope");
                }));
    }
}
