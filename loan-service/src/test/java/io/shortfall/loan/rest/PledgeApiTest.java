package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Collateral a borrower pledges from a reserve to secure a debt case: loan-service takes it at once and holds it,
 * gives it back when the case releases it, hands it over to be sold when the case forfeits it, and credits what the
 * sale raised beyond the debt to the USDT balance; against the real stack.
 */
@QuarkusTest
class PledgeApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static ValidatableResponse deposit(String token, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"" + amount + "\"}")
                .post("/api/reserves/ETH/deposits").then();
    }

    private static ValidatableResponse pledge(String token, UUID caseId, String quantity) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"caseId\":\"" + caseId + "\",\"asset\":\"ETH\",\"quantity\":\"" + quantity + "\"}")
                .post("/api/pledges").then();
    }

    private static String reserve(String token) {
        return given().auth().oauth2(token).get("/api/reserves").then().statusCode(200)
                .extract().path("find { it.asset == 'ETH' }.balance");
    }

    private static ValidatableResponse pledges(String token) {
        return given().auth().oauth2(token).get("/api/pledges").then().statusCode(200);
    }

    @Test
    void aPledgeIsTakenFromTheReserveAndGivenBackOnceWhenTheCaseReleasesIt() {
        String borrower = "pledger-" + UUID.randomUUID();
        String token = Tokens.borrower(borrower);
        UUID caseId = UUID.randomUUID();
        deposit(token, "3.00000000").statusCode(200);
        pledge(token, caseId, "5.00000000").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:insufficient-reserve"))
                .body("detail", containsString("the reserve holds 3.00000000 ETH"));
        pledge(token, caseId, "0.123456789").statusCode(400);
        String id = pledge(token, caseId, "2.00000000").statusCode(201).body("status", equalTo("HELD"))
                .body("quantity", equalTo("2.00000000")).extract().path("id");
        UUID pledgeId = UUID.fromString(id);
        assertThat(reserve(token)).isEqualTo("1.00000000");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.CollateralPledged.class, e -> e.pledgeId().equals(pledgeId))).singleElement()
                .satisfies(e -> {
                    assertThat(e.caseId()).isEqualTo(caseId);
                    assertThat(e.quantity()).isEqualByComparingTo("2");
                    assertThat(e.borrowerId()).isEqualTo(borrower);
                }));

        var released = kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeReleased(caseId, borrower, pledgeId,
                "ETH", new BigDecimal("2.00000000"), "the case is settled"), "debt-collection-service");
        kafka.republish(Topics.DEBT_EVENTS, released);
        await().atMost(PATIENCE).untilAsserted(() -> pledges(token).body("[0].status", equalTo("RETURNED"))
                .body("[0].note", equalTo("the case is settled")));
        assertThat(reserve(token)).isEqualTo("3.00000000");
    }

    @Test
    void aForfeitedPledgeIsHandedOverAtTheLatestPriceAndWhatItRaisedBeyondTheDebtIsCreditedOnce() {
        String borrower = "forfeiter-" + UUID.randomUUID();
        String token = Tokens.borrower(borrower);
        UUID caseId = UUID.randomUUID();
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("ETH", new BigDecimal("1975"), "test", Instant.now()), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token).get("/api/assets").then()
                .body("find { it.asset == 'ETH' }.price", equalTo("1975.00000000")));
        deposit(token, "0.50000000").statusCode(200);
        UUID pledgeId = UUID.fromString(pledge(token, caseId, "0.50000000").statusCode(201).extract().path("id"));

        var forfeited = kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeForfeited(caseId, borrower, pledgeId,
                "ETH", new BigDecimal("0.50000000"), "plan broken"), "debt-collection-service");
        kafka.republish(Topics.DEBT_EVENTS, forfeited);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.PledgeSaleRequested.class, e -> e.pledgeId().equals(pledgeId))).singleElement()
                .satisfies(e -> {
                    assertThat(e.quantity()).isEqualByComparingTo("0.5");
                    assertThat(e.referencePrice()).isEqualByComparingTo("1975");
                }));
        pledges(token).body("[0].status", equalTo("SELLING"));

        var applied = kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeProceedsApplied(caseId, borrower,
                pledgeId, "ETH", new BigDecimal("0.50000000"), new BigDecimal("1975.00000000"),
                new BigDecimal("987.50"), new BigDecimal("900.00"), new BigDecimal("87.50"),
                new BigDecimal("0.00")), "debt-collection-service");
        kafka.republish(Topics.DEBT_EVENTS, applied);
        await().atMost(PATIENCE).untilAsserted(() -> pledges(token).body("[0].status", equalTo("SOLD"))
                .body("[0].note", containsString("87.50 to the balance")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token).get("/api/balance").then()
                .body("balance", equalTo("87.50")).body("entries.kind", equalTo(List.of("PLEDGE_SURPLUS")))
                .body("entries[0].reference", equalTo(pledgeId.toString())));
        assertThat(reserve(token)).isEqualTo("0.00000000");
    }
}
