package io.shortfall.debt.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.debt.Debts;
import io.shortfall.testing.TestClock;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PaymentApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    private String caseInPlan(String debtor, String amount, int n) {
        String caseId = Debts.open(kafka, debtor, amount);
        Debts.plan(debtor, caseId, n, Debts.today(clock).plusDays(20)).statusCode(201).body("status", equalTo("ACCEPTED"));
        return caseId;
    }

    @Test
    void paymentsGoToTheOldestInstallmentFirstAndAKeyIsBoundToItsBody() {
        String debtor = Debts.debtor("gus");
        String caseId = caseInPlan(debtor, "1000.00", 3);
        String key = UUID.randomUUID().toString();
        var countedBefore = io.shortfall.testing.Metrics.value("shortfall_debt_payments_total", "currency", "USDT");
        var amountBefore = io.shortfall.testing.Metrics.value("shortfall_debt_paid_amount_total", "currency", "USDT");

        String paymentId = Debts.pay(debtor, caseId, "400.00", key).statusCode(201)
                .body("status", equalTo("APPLIED")).body("amount", equalTo("400.00"))
                .body("allocations.n", contains(1, 2)).body("allocations.amount", contains("333.33", "66.67"))
                .extract().path("id");
        assertThat(paymentId).isNotNull();
        // the same key and body: the same answer, replayed; another body: 409; no key: 400
        Debts.pay(debtor, caseId, "400.00", key).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(paymentId));
        Debts.pay(debtor, caseId, "400.01", key).statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:idempotency-key-reused"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON).body(Map.of("amount", "1.00"))
                .post("/api/debts/" + caseId + "/payments").then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        Debts.pay(debtor, caseId, "-1", UUID.randomUUID().toString()).statusCode(400).body("violations.field", hasItem("amount"));
        // more than is owed is refused
        Debts.pay(debtor, caseId, "600.01", UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("urn:shortfall:problem:overpayment"));
        // others cannot pay into it; agents do not pay
        Debts.pay("not-" + debtor, caseId, "1.00", UUID.randomUUID().toString()).statusCode(404);
        // one payment counted: not the replay, nor the refused ones
        assertThat(io.shortfall.testing.Metrics.value("shortfall_debt_payments_total", "currency", "USDT"))
                .isEqualByComparingTo(countedBefore.add(java.math.BigDecimal.ONE));
        assertThat(io.shortfall.testing.Metrics.value("shortfall_debt_paid_amount_total", "currency", "USDT"))
                .isEqualByComparingTo(amountBefore.add(new java.math.BigDecimal("400")));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body(Map.of("amount", "1.00")).post("/api/debts/" + caseId + "/payments").then().statusCode(403);

        Debts.get(Tokens.borrower(debtor), caseId).statusCode(200)
                .body("outstanding", equalTo("600.00")).body("paid", equalTo("400.00"))
                .body("plan.installments.paid", contains("333.33", "66.67", "0.00"))
                .body("plan.installments.status", contains("PAID", "PARTIALLY_PAID", "PENDING"))
                .body("payments.id", contains(paymentId))
                .body("timeline.kind", hasItem("PAYMENT_RECEIVED"));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.PaymentReceived.class, e -> e.caseId().equals(id))).singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualByComparingTo("400.00");
                    assertThat(e.outstanding()).isEqualByComparingTo("600.00");
                }));
    }

    @Test
    void anAgentReversesAPaymentAndTheOthersAreReplayedInOrder() {
        String debtor = Debts.debtor("hal");
        String caseId = caseInPlan(debtor, "1000.00", 3);
        String first = Debts.pay(debtor, caseId, "300.00", UUID.randomUUID().toString()).statusCode(201)
                .extract().path("id");
        String second = Debts.pay(debtor, caseId, "100.00", UUID.randomUUID().toString()).statusCode(201)
                .body("allocations.amount", contains("33.33", "66.67")).extract().path("id");

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/cases/" + caseId + "/payments/" + first + "/reversal").then().statusCode(403);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/" + caseId + "/payments/" + first + "/reversal").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "chargeback"))
                .post("/api/cases/" + caseId + "/payments/" + first + "/reversal").then().statusCode(200)
                .body("status", equalTo("REVERSED")).body("reversedBy", equalTo("agent"))
                .body("reversalReason", equalTo("chargeback"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/cases/" + caseId + "/payments/" + first + "/reversal").then().statusCode(409);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/cases/" + caseId + "/payments/" + UUID.randomUUID() + "/reversal").then().statusCode(404);

        Debts.get(Tokens.agent(), caseId).statusCode(200)
                .body("outstanding", equalTo("900.00")).body("paid", equalTo("100.00"))
                .body("plan.installments.paid", contains("100.00", "0.00", "0.00"))
                .body("payments.find { it.id == '" + second + "' }.allocations.amount", contains("100.00"))
                .body("payments.find { it.id == '" + first + "' }.allocations", org.hamcrest.Matchers.empty());
        // the debtor's own list of payments, in the order received: the reversed one says why
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/payments").then()
                .statusCode(200).body("id", contains(first, second)).body("status", contains("REVERSED", "APPLIED"))
                .body("[0].reversalReason", equalTo("chargeback")).body("[1].allocations.amount", contains("100.00"));
        given().auth().oauth2(Tokens.borrower(Debts.debtor("ivy"))).get("/api/debts/" + caseId + "/payments").then()
                .statusCode(404);
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.PaymentReversed.class, e -> e.caseId().equals(id))).singleElement()
                .satisfies(e -> assertThat(e.outstanding()).isEqualByComparingTo("900.00")));

        // paying everything settles; a reversal then opens it again
        String last = Debts.pay(debtor, caseId, "900.00", UUID.randomUUID().toString()).statusCode(201).extract().path("id");
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("SETTLED")).body("discount", equalTo("0.00"));
        Debts.pay(debtor, caseId, "1.00", UUID.randomUUID().toString()).statusCode(409);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "bounced"))
                .post("/api/cases/" + caseId + "/payments/" + last + "/reversal").then().statusCode(200);
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("IN_PLAN")).body("outstanding", equalTo("900.00"))
                .body("plan.status", equalTo("ACTIVE"));
    }

    @Test
    void concurrentPaymentsNeverTakeMoreThanIsOwed() throws Exception {
        String debtor = Debts.debtor("jay");
        String caseId = caseInPlan(debtor, "300.00", 3);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(Tokens.borrower(debtor))
                        .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("amount", "100.00")).post("/api/debts/" + caseId + "/payments")));
            }
            int applied = 0;
            for (var answer : answers) {
                int status = answer.get().statusCode();
                assertThat(status).isIn(201, 409, 422);
                if (status == 201) {
                    applied++;
                }
            }
            assertThat(applied).isBetween(1, 3);
            String paid = new java.math.BigDecimal("100.00").multiply(java.math.BigDecimal.valueOf(applied)).toPlainString();
            Debts.get(Tokens.borrower(debtor), caseId).body("paid", equalTo(paid))
                    .body("payments", org.hamcrest.Matchers.hasSize(applied));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreadableValuesAre400s() {
        String debtor = Debts.debtor("kai");
        String caseId = caseInPlan(debtor, "300.00", 3);
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\": 1.5}")
                .post("/api/debts/" + caseId + "/payments").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("amount"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\": \"abc\"}")
                .post("/api/debts/" + caseId + "/payments").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("abc"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body("{\"kind\": \"INSTALLMENTS\", \"installments\": 3, \"firstDueDate\": \"soon\"}")
                .post("/api/debts/" + caseId + "/offers").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("soon"));
    }

    @Test
    void aHeldCasePaidInFullIsReleasedAsItSettles() {
        String debtor = Debts.debtor("hal");
        String caseId = Debts.open(kafka, debtor, "200.00");
        Debts.plan(debtor, caseId, 2, Debts.today(clock).plusDays(5)).statusCode(201);
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "HARDSHIP", "reason", "short this month")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(200);
        Debts.pay(debtor, caseId, "200.00", UUID.randomUUID().toString()).statusCode(201);
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("SETTLED")).body("hold", equalTo(null));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.CaseReleased.class, e -> e.caseId().equals(id))).hasSize(1));
    }

    @Test
    void noPaymentBeforeAPlan() {
        String debtor = Debts.debtor("ida");
        String caseId = Debts.open(kafka, debtor, "100.00");
        Debts.pay(debtor, caseId, "10.00", UUID.randomUUID().toString()).statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:no-plan"));
    }
}
