package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A borrower's USDT balance: a liquidation's surplus, withdrawn or paid to a debt case, against the real stack. */
@QuarkusTest
class BalanceApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    /** A FULL sale of an ETH loan of {@code borrower} that left {@code surplus}; emits the completion's envelope. */
    private EventEnvelope liquidatedWithSurplus(String borrower, String surplus) {
        String token = Tokens.borrower(borrower);
        ethAt("3000", Instant.now());
        UUID loan = UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"collateralAsset":"ETH","collateralAmount":"2","principal":"3900"}""")
                .post("/api/loans").then().statusCode(201).extract().path("id"));
        Instant crash = Instant.now();
        ethAt("2300", crash);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8478"),
                new BigDecimal("2300"), crash), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATING")));
        BigDecimal gross = new BigDecimal("3900.00").add(new BigDecimal(surplus));
        return kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(),
                loan, borrower, "ETH", "FULL", new BigDecimal("2.00000000"), new BigDecimal("2300"), gross,
                BigDecimal.ZERO.setScale(2), gross, BigDecimal.ZERO.setScale(2), new BigDecimal("3900.00"),
                new BigDecimal("3900.00"), new BigDecimal(surplus), BigDecimal.ZERO.setScale(2), List.of()),
                "liquidation-service");
    }

    private void ethAt(String price, Instant at) {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("ETH", new BigDecimal(price), "test", at), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower("x")).get("/api/assets")
                .then().body("find { it.asset == 'ETH' }.price", equalTo(new BigDecimal(price).setScale(8).toPlainString())));
    }

    private static ValidatableResponse balance(String token) {
        return given().auth().oauth2(token).get("/api/balance").then().statusCode(200);
    }

    private static ValidatableResponse post(String token, String path, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/balance/" + path).then();
    }

    @Test
    void aLiquidationsSurplusIsCreditedToTheBorrowersBalanceOnce() {
        String kim = "kim-" + UUID.randomUUID();
        String token = Tokens.borrower(kim);
        balance(token).body("currency", equalTo("USDT")).body("balance", equalTo("0.00")).body("entries.size()", equalTo(0));

        EventEnvelope completed = liquidatedWithSurplus(kim, "412.37");
        await().atMost(PATIENCE).untilAsserted(() -> balance(token).body("balance", equalTo("412.37"))
                .body("entries.kind", contains("SURPLUS")).body("entries[0].amount", equalTo("412.37"))
                .body("entries[0].balanceAfter", equalTo("412.37")).body("entries[0].status", equalTo("DONE")));
        // Delivered again, then a later event of the same loan (same partition): once that one is on the loan's
        // timeline, the repeat was consumed too, and it credited nothing more (the event announcing it came once).
        kafka.republish(Topics.LIQUIDATION_EVENTS, completed);
        LiquidationEvents.LiquidationCompleted sale = EventJson.payload(completed);
        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.InsuranceFundDrawn(UUID.randomUUID(),
                sale.loanId(), new BigDecimal("0.01"), new BigDecimal("999999.99")), "liquidation-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/loans/" + sale.loanId() + "/timeline").then().body("type", hasItem("InsuranceFundDrawn")));
        balance(token).body("balance", equalTo("412.37")).body("entries.size()", equalTo(1));
        assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.BalanceChanged.class,
                e -> e.borrowerId().equals(kim))).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("SURPLUS");
                    assertThat(e.balance()).isEqualByComparingTo("412.37");
                });
    }

    @Test
    void theBorrowerWithdrawsWhatTheBalanceHoldsOnceAndNeverMore() {
        String lou = "lou-" + UUID.randomUUID();
        String token = Tokens.borrower(lou);
        liquidatedWithSurplus(lou, "100.00");
        await().atMost(PATIENCE).untilAsserted(() -> balance(token).body("balance", equalTo("100.00")));

        String key = UUID.randomUUID().toString();
        post(token, "withdrawals", key, "{\"amount\":\"30.50\"}").statusCode(200)
                .body("kind", equalTo("WITHDRAWAL")).body("amount", equalTo("-30.50"))
                .body("balanceAfter", equalTo("69.50"));
        post(token, "withdrawals", key, "{\"amount\":\"30.50\"}").statusCode(200)
                .header("Idempotent-Replayed", "true").body("balanceAfter", equalTo("69.50"));
        post(token, "withdrawals", UUID.randomUUID().toString(), "{\"amount\":\"69.51\"}").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:insufficient-balance"))
                .body("detail", containsString("69.50"));
        post(token, "withdrawals", UUID.randomUUID().toString(), "{\"amount\":\"0.001\"}").statusCode(400)
                .body("violations.field", hasItem("amount"));
        post(token, "withdrawals", UUID.randomUUID().toString(), "{\"amount\":\"-5\"}").statusCode(400)
                .body("violations.field", hasItem("amount"));
        post(token, "withdrawals", null, "{\"amount\":\"5\"}").statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        balance(token).body("balance", equalTo("69.50")).body("entries.kind", contains("WITHDRAWAL", "SURPLUS"));

        given().auth().oauth2(Tokens.agent()).get("/api/balance").then().statusCode(403);
        given().get("/api/balance").then().statusCode(401);
    }

    @Test
    void aDebtPaymentFromTheBalanceWaitsForTheCaseAndARefusedOneComesBack() {
        String max = "max-" + UUID.randomUUID();
        String token = Tokens.borrower(max);
        liquidatedWithSurplus(max, "200.00");
        await().atMost(PATIENCE).untilAsserted(() -> balance(token).body("balance", equalTo("200.00")));
        UUID caseId = UUID.randomUUID();

        String applied = post(token, "debt-payments", UUID.randomUUID().toString(),
                "{\"caseId\":\"" + caseId + "\",\"amount\":\"120.00\"}").statusCode(202)
                .body("kind", equalTo("DEBT_PAYMENT")).body("status", equalTo("PENDING"))
                .body("reference", equalTo(caseId.toString())).body("balanceAfter", equalTo("80.00"))
                .extract().path("id");
        String refused = post(token, "debt-payments", UUID.randomUUID().toString(),
                "{\"caseId\":\"" + caseId + "\",\"amount\":\"50.00\"}").statusCode(202)
                .body("balanceAfter", equalTo("30.00")).extract().path("id");
        post(token, "debt-payments", UUID.randomUUID().toString(),
                "{\"caseId\":\"" + caseId + "\",\"amount\":\"30.01\"}").statusCode(422)
                .body("type", equalTo("urn:shortfall:problem:insufficient-balance"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.DebtPaidFromBalance.class, e -> e.borrowerId().equals(max)))
                .extracting(LoanEvents.DebtPaidFromBalance::amount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyInAnyOrder(new BigDecimal("120.00"), new BigDecimal("50.00")));

        kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.BalancePaymentApplied(caseId, max, UUID.fromString(applied),
                UUID.randomUUID(), new BigDecimal("120.00")), "debt-collection-service");
        var returned = kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.BalancePaymentReturned(caseId, max,
                UUID.fromString(refused), new BigDecimal("50.00"), "case " + caseId + " has no running plan"),
                "debt-collection-service");
        kafka.republish(Topics.DEBT_EVENTS, returned);

        await().atMost(PATIENCE).untilAsserted(() -> balance(token).body("balance", equalTo("80.00"))
                .body("entries.kind", contains("DEBT_PAYMENT_RETURNED", "DEBT_PAYMENT", "DEBT_PAYMENT", "SURPLUS"))
                .body("entries.find { it.id == '" + refused + "' }.status", equalTo("RETURNED"))
                .body("entries.find { it.id == '" + refused + "' }.note", containsString("no running plan"))
                .body("entries.find { it.id == '" + applied + "' }.status", equalTo("APPLIED"))
                .body("entries[0].amount", equalTo("50.00")).body("entries[0].reference", equalTo(refused)));
    }
}
