package io.shortfall.debt.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.debt.Debts;
import io.shortfall.debt.service.DelinquencyJob;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Passing a case in default to an external collection agency or to legal proceedings, and taking it back. */
@QuarkusTest
class EscalationApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    @Inject
    DelinquencyJob job;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse escalate(String token, String caseId, String stage, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("stage", stage, "reason", reason))
                .post("/api/cases/" + caseId + "/escalation").then();
    }

    @Test
    void onlyADebtInDefaultIsPassedOnAndOnlyASupervisorTakesItToCourt() {
        String debtor = Debts.debtor("ed");
        String caseId = Debts.open(kafka, debtor, "900.00");
        escalate(Tokens.agent(), caseId, "EXTERNAL_COLLECTION", "no answer").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:not-escalable"))
                .body("detail", containsString("less than 30 days ago"));
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(3)).statusCode(201);
        escalate(Tokens.agent(), caseId, "EXTERNAL_COLLECTION", "no answer").statusCode(409)
                .body("detail", containsString("plan is being kept"));

        // Every installment missed: the plan breaks, the debt is in default.
        clock.advance(Duration.ofDays(80));
        job.runOnce().await().atMost(Duration.ofMinutes(1));
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("BROKEN"));

        escalate(Tokens.agent(), caseId, "LEGAL", "no payment after the plan broke").statusCode(403)
                .body("type", equalTo("urn:shortfall:problem:supervisor-only"));
        escalate(Tokens.agent(), caseId, "COURT", "x").statusCode(400).body("violations.field", hasItem("stage"));
        escalate(Tokens.agent(), caseId, "EXTERNAL_COLLECTION", " ").statusCode(400)
                .body("violations.field", hasItem("reason"));
        escalate(Tokens.borrower(debtor), caseId, "EXTERNAL_COLLECTION", "mine").statusCode(403);

        escalate(Tokens.agent(), caseId, "EXTERNAL_COLLECTION", "plan broken, no contact for 60 days").statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("escalation.stage", equalTo("EXTERNAL_COLLECTION"))
                .body("escalation.reason", equalTo("plan broken, no contact for 60 days"))
                .body("escalation.by", equalTo("agent"))
                .body("escalation.at", org.hamcrest.Matchers.notNullValue());
        escalate(Tokens.agent(), caseId, "EXTERNAL_COLLECTION", "again").statusCode(409)
                .body("detail", containsString("escalated already"));

        // The debtor sees it; the lender's channel for it is closed; the portfolio counts it.
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId).then().statusCode(200)
                .body("status", equalTo("ESCALATED")).body("escalation.stage", equalTo("EXTERNAL_COLLECTION"))
                .body("timeline.kind", hasItem("ESCALATED"))
                .body("offers.findAll { it.status == 'OPEN' }.size()", equalTo(0));
        Debts.pay(debtor, caseId, "10.00", UUID.randomUUID().toString()).statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:case-escalated"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "DISPUTED", "reason", "not mine")).post("/api/debts/" + caseId + "/holds")
                .then().statusCode(409).body("type", equalTo("urn:shortfall:problem:case-escalated"))
                .body("detail", containsString("support"));
        given().auth().oauth2(Tokens.supervisor()).get("/api/portfolio").then().statusCode(200)
                .body("byStatus.key", hasItem("ESCALATED"));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.CaseEscalated.class, e -> e.caseId().equals(id))).singleElement().satisfies(e -> {
                    assertThat(e.stage()).isEqualTo("EXTERNAL_COLLECTION");
                    assertThat(e.outstanding()).isEqualByComparingTo("900.00");
                    assertThat(e.by()).isEqualTo("agent");
                }));

        // No reminders while escalated, however long.
        int remindersBefore = kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.InstallmentOverdue.class,
                e -> e.caseId().equals(id)).size();
        clock.advance(Duration.ofDays(30));
        job.runOnce().await().atMost(Duration.ofMinutes(1));
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("ESCALATED"));

        // A supervisor takes it back: BROKEN again, collected by the lender.
        given().auth().oauth2(Tokens.agent()).delete("/api/cases/" + caseId + "/escalation").then().statusCode(403);
        given().auth().oauth2(Tokens.supervisor()).delete("/api/cases/" + caseId + "/escalation").then()
                .statusCode(200).body("status", equalTo("BROKEN")).body("escalation", nullValue())
                .body("timeline.kind", hasItem("RECALLED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.CaseRecalled.class, e -> e.caseId().equals(id))).hasSize(1));
        assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.InstallmentOverdue.class,
                e -> e.caseId().equals(id))).hasSize(remindersBefore);
        given().auth().oauth2(Tokens.supervisor()).delete("/api/cases/" + caseId + "/escalation").then()
                .statusCode(409).body("type", equalTo("urn:shortfall:problem:not-escalated"));
    }

    @Test
    void aHeldCaseIsNotPassedOn() {
        String debtor = Debts.debtor("hal");
        String caseId = Debts.open(kafka, debtor, "500.00");
        clock.advance(Duration.ofDays(31));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("hold", "DISPUTED", "reason", "I never had this loan"))
                .post("/api/debts/" + caseId + "/holds").then().statusCode(200);
        escalate(Tokens.supervisor(), caseId, "LEGAL", "unanswered").statusCode(409)
                .body("detail", containsString("DISPUTED"));
        given().auth().oauth2(Tokens.agent()).delete("/api/debts/" + caseId + "/holds").then().statusCode(200);
        // Unanswered for 31 days and no longer disputed: a supervisor may take it to court.
        escalate(Tokens.supervisor(), caseId, "LEGAL", "unanswered for 31 days").statusCode(200)
                .body("status", equalTo("ESCALATED")).body("escalation.stage", equalTo("LEGAL"))
                .body("escalation.by", equalTo("sue"));
        Debts.get(Tokens.agent(), caseId).body("offers.status", not(hasItem("OPEN")));
    }
}
