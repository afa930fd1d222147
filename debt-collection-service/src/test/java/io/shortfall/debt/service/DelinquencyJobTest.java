package io.shortfall.debt.service;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.debt.Debts;
import io.shortfall.testing.TestClock;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DelinquencyJobTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    @Inject
    DelinquencyJob job;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void days(int n) {
        clock.advance(Duration.ofDays(n));
        job.runOnce().await().atMost(Duration.ofMinutes(1));
    }

    private <T extends EventPayload> void awaitEvents(Class<T> type, Predicate<T> which, int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(kafka.payloads(Topics.DEBT_EVENTS, type, which)).hasSize(count));
    }

    @Test
    void remindersThenDelinquentThenBackInPlanThenBroken() {
        String debtor = Debts.debtor("jo");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        UUID id = UUID.fromString(caseId);
        LocalDate first = Debts.today(clock).plusDays(3);
        Debts.plan(debtor, caseId, 3, first).statusCode(201).body("status", equalTo("ACCEPTED"));

        days(0);
        days(0); // twice the same day: one reminder
        awaitEvents(DebtEvents.InstallmentDueSoon.class, e -> e.caseId().equals(id) && e.n() == 1, 1);
        days(3);
        awaitEvents(DebtEvents.InstallmentDue.class, e -> e.caseId().equals(id) && e.n() == 1, 1);
        days(1);
        awaitEvents(DebtEvents.InstallmentOverdue.class, e -> e.caseId().equals(id) && e.daysPastDue() == 1, 1);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("IN_PLAN")).body("daysPastDue", equalTo(1))
                .body("bucket", equalTo("1-30"));
        days(3); // 4 days past due: past the 3 days of grace
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("DELINQUENT")).body("daysPastDue", equalTo(4))
                .body("plan.status", equalTo("DELINQUENT"))
                .body("plan.installments.status", contains("OVERDUE", "PENDING", "PENDING"));
        given().auth().oauth2(Tokens.agent()).get("/api/cases?bucket=1-30&status=DELINQUENT").then().statusCode(200)
                .body("id", hasItem(caseId));

        // catching up returns to the plan
        Debts.pay(debtor, caseId, "333.33", UUID.randomUUID().toString()).statusCode(201);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("IN_PLAN")).body("daysPastDue", equalTo(0))
                .body("bucket", equalTo(null)).body("timeline.kind", hasItem("BACK_IN_PLAN"));

        // two more missed installments break it
        days(75);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("BROKEN")).body("plan.status", equalTo("BROKEN"));
        awaitEvents(DebtEvents.PlanBroken.class, e -> e.caseId().equals(id) && e.reason().equals("2 installments missed"), 1);
        // back to negotiation: a new offer on what is left
        Debts.propose(Tokens.agent(), caseId, Map.of("kind", "INSTALLMENTS", "installments", 2,
                "firstDueDate", Debts.today(clock).plusDays(7).toString())).statusCode(201)
                .body("terms.amount", equalTo("666.67"));
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("NEGOTIATING"));
    }

    @Test
    void dueDatesAreDaysInTheDebtorsZone() {
        String debtor = Debts.debtor("mia");
        String zone = "Pacific/Kiritimati"; // UTC+14: mostly a day ahead of UTC
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(debtor, debtor + "@example.com", "Mia", "en",
                zone), "loan-service");
        String caseId = Debts.open(kafka, debtor, "400.00");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.borrower(debtor), caseId)
                .body("timeZone", equalTo(zone)));
        LocalDate theirToday = LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));

        Debts.plan(debtor, caseId, 2, theirToday.minusDays(1)).statusCode(400)
                .body("violations.field", hasItem("firstDueDate"));
        Debts.plan(debtor, caseId, 2, theirToday).statusCode(201).body("status", equalTo("ACCEPTED"));
        days(0);
        UUID id = UUID.fromString(caseId);
        awaitEvents(DebtEvents.InstallmentDue.class, e -> e.caseId().equals(id) && e.dueDate().equals(theirToday), 1);
    }

    @Test
    void aHoldPausesAgeingAndRemindersUntilAnAgentLiftsIt() {
        String debtor = Debts.debtor("kim");
        String caseId = Debts.open(kafka, debtor, "600.00");
        UUID id = UUID.fromString(caseId);
        LocalDate first = Debts.today(clock).plusDays(1);
        Debts.plan(debtor, caseId, 3, first).statusCode(201);

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "PAUSED", "reason", "x")).post("/api/debts/" + caseId + "/holds").then()
                .statusCode(400).body("violations.field", hasItem("hold"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "DISPUTED")).post("/api/debts/" + caseId + "/holds").then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "DISPUTED", "reason", "I never had this loan")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(200).body("status", equalTo("DISPUTED"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "HARDSHIP", "reason", "again")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(409);
        given().auth().oauth2(Tokens.borrower("other")).contentType(ContentType.JSON)
                .body(Map.of("hold", "HARDSHIP", "reason", "x")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(404);
        awaitEvents(DebtEvents.CaseHeld.class, e -> e.caseId().equals(id) && e.hold().equals("DISPUTED"), 1);

        days(10);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("DISPUTED")).body("hold", equalTo("DISPUTED"))
                .body("daysPastDue", equalTo(0)).body("timeline.kind", not(hasItem("REMINDER_DUE")));

        given().auth().oauth2(Tokens.borrower(debtor)).delete("/api/debts/" + caseId + "/holds").then().statusCode(403);
        given().auth().oauth2(Tokens.agent()).delete("/api/debts/" + caseId + "/holds").then().statusCode(200)
                .body("status", equalTo("IN_PLAN"));
        given().auth().oauth2(Tokens.agent()).delete("/api/debts/" + caseId + "/holds").then().statusCode(409);
        awaitEvents(DebtEvents.CaseReleased.class, e -> e.caseId().equals(id), 1);
        // the 10 days on hold moved the unpaid installments
        Debts.get(Tokens.agent(), caseId).body("plan.installments.dueDate", contains(first.plusDays(10).toString(),
                first.plusMonths(1).plusDays(10).toString(), first.plusMonths(2).plusDays(10).toString()));
        days(0);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("IN_PLAN")).body("daysPastDue", equalTo(0));
    }

    @Test
    void aHoldOnAnOverdueCaseStopsItsAgeingToo() {
        String debtor = Debts.debtor("ned");
        String caseId = Debts.open(kafka, debtor, "600.00");
        LocalDate first = Debts.today(clock).plusDays(1);
        Debts.plan(debtor, caseId, 3, first).statusCode(201);
        days(5); // 4 days past due
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("DELINQUENT")).body("daysPastDue", equalTo(4));

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "HARDSHIP", "reason", "lost my job")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(200).body("status", equalTo("HARDSHIP"));
        days(40); // long enough to break the plan if the days on hold counted
        given().auth().oauth2(Tokens.agent()).delete("/api/debts/" + caseId + "/holds").then().statusCode(200)
                .body("status", equalTo("DELINQUENT"));
        days(0);
        // the overdue installment moved too: still 4 days past due, and not broken
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("DELINQUENT")).body("daysPastDue", equalTo(4))
                .body("plan.status", equalTo("DELINQUENT"))
                .body("plan.installments.dueDate", contains(first.plusDays(40).toString(),
                        first.plusMonths(1).plusDays(40).toString(), first.plusMonths(2).plusDays(40).toString()));
    }

    @Test
    void aPlanAgreedDuringAHoldKeepsItsDatesWhenTheHoldIsLifted() {
        String debtor = Debts.debtor("ova");
        String caseId = Debts.open(kafka, debtor, "600.00");
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "DISPUTED", "reason", "checking the receipt")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(200);
        days(10);
        LocalDate first = Debts.today(clock).plusDays(20);
        Debts.plan(debtor, caseId, 3, first).statusCode(201).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.agent()).delete("/api/debts/" + caseId + "/holds").then().statusCode(200)
                .body("status", equalTo("IN_PLAN"));
        Debts.get(Tokens.agent(), caseId).body("plan.installments.dueDate", contains(first.toString(),
                first.plusMonths(1).toString(), first.plusMonths(2).toString()));
    }

    @Test
    void reversingAPaymentOfABrokenPlanUnsettlesTheSettlementAgreedAfterIt() {
        String debtor = Debts.debtor("pia");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        Debts.plan(debtor, caseId, 2, Debts.today(clock).plusDays(1)).statusCode(201);
        String first = Debts.pay(debtor, caseId, "500.00", UUID.randomUUID().toString()).statusCode(201)
                .extract().path("id");
        days(95); // the second installment 60+ days past due
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("BROKEN"));
        String offer = Debts.propose(Tokens.agent(), caseId, Map.of("kind", "SETTLEMENT", "amount", "450.00"))
                .statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + offer + "/accept")
                .then().statusCode(200);
        Debts.pay(debtor, caseId, "450.00", UUID.randomUUID().toString()).statusCode(201);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("SETTLED")).body("discount", equalTo("50.00"));

        // the first plan's payment bounces: the settlement was agreed on the 500.00 owed after it; 550.00 is owed now
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "chargeback"))
                .post("/api/cases/" + caseId + "/payments/" + first + "/reversal").then().statusCode(200);
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("NEGOTIATING")).body("outstanding", equalTo("550.00"))
                .body("paid", equalTo("450.00")).body("discount", equalTo(null));
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/settlement-letter").then()
                .statusCode(409);
    }

    @Test
    void promisesAreKeptByPaymentsOrBrokenWhenTheirDayPasses() {
        String debtor = Debts.debtor("lou");
        String caseId = Debts.open(kafka, debtor, "900.00");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(20)).statusCode(201);
        LocalDate soon = Debts.today(clock).plusDays(2);

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00", "dueDate", soon.toString()))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(403);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("amount", "0", "dueDate", soon.toString()))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(400).body("violations.field", hasItem("amount"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00"))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(400).body("violations.field", hasItem("dueDate"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00", "dueDate", soon.toString()))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(201).body("status", equalTo("OPEN"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("amount", "200.00", "dueDate", soon.plusDays(1).toString()))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(201);

        Debts.pay(debtor, caseId, "150.00", UUID.randomUUID().toString()).statusCode(201);
        given().auth().oauth2(Tokens.agent()).get("/api/cases/" + caseId + "/promises").then().statusCode(200)
                .body("status", contains("KEPT", "OPEN")).body("paid", contains("100.00", "50.00"));
        long before = given().auth().oauth2(Tokens.agent()).get("/api/cases?size=100").then()
                .extract().jsonPath().getLong("find { it.id == '" + caseId + "' }.priority");

        days(4);
        given().auth().oauth2(Tokens.agent()).get("/api/cases/" + caseId + "/promises").then()
                .body("status", contains("KEPT", "PARTIAL"));
        // a promise with nothing paid is broken, and raises the priority
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("amount", "50.00", "dueDate", Debts.today(clock).toString()))
                .post("/api/cases/" + caseId + "/promises").then().statusCode(201);
        days(1);
        given().auth().oauth2(Tokens.agent()).get("/api/cases/" + caseId + "/promises").then()
                .body("status", contains("KEPT", "PARTIAL", "BROKEN"));
        List<Map<String, Object>> queue = given().auth().oauth2(Tokens.agent()).get("/api/cases?size=100").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> item = queue.stream().filter(i -> caseId.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat(item.get("brokenPromises")).isEqualTo(1);
        assertThat(((Number) item.get("priority")).longValue()).isEqualTo(before + 30);
    }
}
