package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** SOL is this test's alone: its breaker trips here. */
@QuarkusTest
class BreakerTest {

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    private java.util.List<MarginEvents.LiquidationTriggered> triggers(UUID loan) {
        return kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.LiquidationTriggered.class,
                t -> t.loanId().equals(loan));
    }

    @Test
    void aCrashBelowHalfThePriceTripsTheBreakerWhichBlocksTheTriggerUntilAnOperatorResetsIt() {
        UUID loan = loans.opens("erin", "SOL", "10", "975.00", false);         // 0.65 at 150
        Instant t0 = Instant.now();
        loans.tickApplied("SOL", "150", t0);
        loans.tick("SOL", "70", t0.plusSeconds(5));                             // under 75 within the hour

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.BreakerTripped.class, b -> b.asset().equals("SOL"))).singleElement().satisfies(b -> {
                    assertThat(b.previous()).isEqualByComparingTo("150");
                    assertThat(b.price()).isEqualByComparingTo("70");
                }));
        // Zones and calls go on (1.3929: RED); liquidation waits.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.MarginCall.class, c -> c.loanId().equals(loan))).hasSize(1));
        assertThat(triggers(loan)).isEmpty();
        given().auth().oauth2(Tokens.borrower("erin")).get("/api/prices").then().statusCode(200)
                .body("find { it.asset == 'SOL' }.breakerTripped", equalTo(true));

        // Only an operator lifts it.
        given().post("/api/breakers/SOL/reset").then().statusCode(401);
        given().auth().oauth2(Tokens.borrower("erin")).post("/api/breakers/SOL/reset").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor()).post("/api/breakers/SOL/reset").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).post("/api/breakers/XRP/reset").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("XRP"));
        given().auth().oauth2(Tokens.operator()).post("/api/breakers/SOL/reset").then().statusCode(200)
                .body("asset", equalTo("SOL"))
                .body("tripped", equalTo(false))
                .body("resetBy", equalTo("ops"))
                .body("trippingPrice", equalTo("70.00000000"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.BreakerReset.class, b -> b.asset().equals("SOL"))).singleElement()
                .satisfies(b -> assertThat(b.by()).isEqualTo("ops")));
        assertThat(KafkaProbe.header(kafka.records(Topics.MARGIN_EVENTS).stream()
                .filter(r -> "SOL".equals(r.key())).findFirst().orElseThrow(), "type")).isEqualTo("BreakerTripped");

        // The loans the breaker held are decided at once at the latest price, which is fresh: triggered.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(triggers(loan)).singleElement()
                .satisfies(t -> assertThat(t.price()).isEqualByComparingTo("70")));
        // Resetting again changes nothing; a later tick triggers nothing more.
        given().auth().oauth2(Tokens.operator()).post("/api/breakers/SOL/reset").then().statusCode(200)
                .body("tripped", equalTo(false));
        loans.tickApplied("SOL", "69", t0.plusSeconds(6));
        loans.awaitMarginEventsRelayed();
        assertThat(triggers(loan)).hasSize(1);
        assertThat(kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.BreakerReset.class,
                b -> b.asset().equals("SOL"))).hasSize(1);
        given().auth().oauth2(Tokens.agent()).get("/api/prices").then()
                .body("find { it.asset == 'SOL' }.breakerTripped", equalTo(false));
    }

    /** LINK is this test's alone. */
    @Test
    void aTickFromASecondSourceConfirmingTheCrashLiftsTheBreakerAndTriggers() {
        UUID loan = loans.opens("frank", "LINK", "10", "975.00", false);       // 0.65 at 150
        Instant t0 = Instant.now();
        loans.tickApplied("LINK", "150", t0);
        loans.tick("LINK", "70", t0.plusSeconds(1), "feed-a");                 // trips
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.BreakerTripped.class, b -> b.asset().equals("LINK"))).hasSize(1));

        // The same source again does not confirm its own crash.
        loans.tickApplied("LINK", "69", t0.plusSeconds(2), "feed-a");
        loans.awaitMarginEventsRelayed();
        assertThat(kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.BreakerReset.class,
                b -> b.asset().equals("LINK"))).isEmpty();
        assertThat(triggers(loan)).isEmpty();

        // Another source seeing the crash lifts it, and its tick triggers the liquidation.
        loans.tick("LINK", "68", t0.plusSeconds(3), "feed-b");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.BreakerReset.class, b -> b.asset().equals("LINK"))).singleElement()
                .satisfies(b -> assertThat(b.by()).isEqualTo("feed-b")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(triggers(loan)).singleElement()
                .satisfies(t -> assertThat(t.price()).isEqualByComparingTo("68")));
        given().auth().oauth2(Tokens.agent()).get("/api/prices").then()
                .body("find { it.asset == 'LINK' }.breakerTripped", equalTo(false))
                .body("find { it.asset == 'LINK' }.source", equalTo("feed-b"));
    }

    /** ARB is this test's alone. */
    @Test
    void aFallBeyondHalfOfTheHoursHighTripsTheBreakerHoweverManyTicksItTook() {
        Instant t0 = Instant.now();
        // 1200 more than an hour before 590 is out of the window: no trip.
        loans.tickApplied("ARB", "1200", t0.minus(Duration.ofHours(2)));
        loans.tickApplied("ARB", "590", t0.minus(Duration.ofMinutes(30)).plusMillis(1));
        loans.awaitMarginEventsRelayed();
        assertThat(kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.BreakerTripped.class,
                b -> b.asset().equals("ARB"))).isEmpty();

        // 1200 -> 700 -> 590 within seconds: no tick fell by half from the one before, but 590 is under half of
        // 1200, the hour's high.
        loans.tickApplied("ARB", "1200", t0.minusSeconds(10));
        loans.tickApplied("ARB", "700", t0.minusSeconds(5));
        loans.tick("ARB", "590", t0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.BreakerTripped.class, b -> b.asset().equals("ARB"))).singleElement().satisfies(b -> {
                    assertThat(b.previous()).isEqualByComparingTo("1200");
                    assertThat(b.price()).isEqualByComparingTo("590");
                }));
        given().auth().oauth2(Tokens.agent()).get("/api/prices").then()
                .body("find { it.asset == 'ARB' }.breakerTripped", equalTo(true));
    }
}
