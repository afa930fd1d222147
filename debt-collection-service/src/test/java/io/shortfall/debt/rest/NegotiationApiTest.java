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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class NegotiationApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDebtorsPlanInsideTheBoundsStartsAtOnceWithItsExactSchedule() {
        String debtor = Debts.debtor("ann");
        String caseId = Debts.open(kafka, debtor, "600.00");
        LocalDate first = Debts.today(clock).plusDays(10);

        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSTALLMENTS", "installments", 3, "firstDueDate", first.toString()))
                .post("/api/debts/" + caseId + "/offers/preview").then().statusCode(200)
                .body("amount", contains("200.00", "200.00", "200.00"))
                .body("dueDate", contains(first.toString(), first.plusMonths(1).toString(),
                        first.plusMonths(2).toString()));

        // absurd schedules are bad input, not a million rows
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSTALLMENTS", "installments", 50_000, "firstDueDate", first.toString()))
                .post("/api/debts/" + caseId + "/offers").then().statusCode(400)
                .body("violations.field", hasItem("installments"));
        given().auth().oauth2(Tokens.borrower(debtor)).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSTALLMENTS", "installments", 3, "firstDueDate", "9999-12-31"))
                .post("/api/debts/" + caseId + "/offers/preview").then().statusCode(400)
                .body("violations.field", hasItem("firstDueDate"));

        String offerId = Debts.plan(debtor, caseId, 3, first).statusCode(201)
                .body("by", equalTo("DEBTOR")).body("author", equalTo(debtor))
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("SYSTEM"))
                .body("terms.amount", equalTo("600.00"))
                .extract().path("id");

        Debts.get(Tokens.borrower(debtor), caseId).statusCode(200)
                .body("status", equalTo("IN_PLAN"))
                .body("plan.offerId", equalTo(offerId))
                .body("plan.status", equalTo("ACTIVE"))
                .body("plan.installments.amount", contains("200.00", "200.00", "200.00"))
                .body("plan.installments.status", everyItem(equalTo("PENDING")))
                .body("offers.findAll { it.by == 'SYSTEM' }.status", everyItem(equalTo("WITHDRAWN")))
                .body("timeline.kind", hasItem("PLAN_STARTED"));

        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.OfferMade.class, e -> e.caseId().equals(id)))
                    .singleElement().satisfies(e -> assertThat(e.by()).isEqualTo("DEBTOR"));
            assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.OfferAccepted.class, e -> e.caseId().equals(id)))
                    .singleElement().satisfies(e -> assertThat(e.by()).isEqualTo("SYSTEM"));
            assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.PlanStarted.class, e -> e.caseId().equals(id)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.debtorId()).isEqualTo(debtor);
                        assertThat(e.schedule()).extracting(DebtEvents.ScheduledInstallment::amount)
                                .containsExactly(new BigDecimal("200.00"), new BigDecimal("200.00"),
                                        new BigDecimal("200.00"));
                    });
        });

        // a plan is running: no more offers
        Debts.plan(debtor, caseId, 2, first).statusCode(409).body("type", equalTo("urn:shortfall:problem:not-negotiable"));
    }

    @Test
    void outsideTheBoundsAnAgentCountersAndTheDebtorAccepts() {
        String debtor = Debts.debtor("ben");
        String caseId = Debts.open(kafka, debtor, "1300.00");
        LocalDate first = Debts.today(clock).plusDays(5);

        String debtorOffer = Debts.plan(debtor, caseId, 13, first).statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("reason", containsString("more than 12 installments"))
                .extract().path("id");
        // the debtor cannot accept their own offer; another borrower does not see the case
        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + debtorOffer + "/accept")
                .then().statusCode(409).body("type", equalTo("urn:shortfall:problem:not-the-other-party"));
        Debts.plan("someone-else", caseId, 3, first).statusCode(404);
        given().auth().oauth2(Tokens.borrower("someone-else")).post("/api/debts/" + caseId + "/offers/" + debtorOffer
                + "/accept").then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("kind", "SETTLEMENT"))
                .post("/api/debts/" + caseId + "/offers").then().statusCode(403);

        String counter = Debts.propose(Tokens.agent(), caseId, Map.of("kind", "INSTALLMENTS", "installments", 12,
                        "firstDueDate", first.toString(), "counterOf", debtorOffer, "note", "12 is our most"))
                .statusCode(201).body("by", equalTo("AGENT")).body("author", equalTo("agent"))
                .body("status", equalTo("OPEN")).body("counterOf", equalTo(debtorOffer))
                .body("schedule", hasSize(12)).body("schedule[11].amount", equalTo("108.37"))
                .extract().path("id");
        // the agent cannot accept the agent's own offer
        given().auth().oauth2(Tokens.agent()).post("/api/debts/" + caseId + "/offers/" + counter + "/accept")
                .then().statusCode(409);

        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + counter + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo(debtor));

        Debts.get(Tokens.agent(), caseId).statusCode(200)
                .body("status", equalTo("IN_PLAN"))
                .body("plan.installments", hasSize(12))
                .body("offers.find { it.id == '" + debtorOffer + "' }.status", equalTo("REJECTED"))
                .body("offers.find { it.id == '" + debtorOffer + "' }.decidedBy", equalTo("agent"))
                .body("offers.find { it.id == '" + debtorOffer + "' }.reason", containsString(counter))
                .body("timeline.kind", hasItem("OFFER_REFERRED"));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.OfferRejected.class, e -> e.caseId().equals(id))).singleElement()
                .satisfies(e -> assertThat(e.offerId()).isEqualTo(UUID.fromString(debtorOffer))));
    }

    @Test
    void rejectingNeedsAReasonAndBadProposalsNameTheirField() {
        String debtor = Debts.debtor("cy");
        String caseId = Debts.open(kafka, debtor, "500.00");
        String token = Tokens.borrower(debtor);
        LocalDate today = Debts.today(clock);

        Debts.propose(token, caseId, Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("kind"));
        Debts.propose(token, caseId, Map.of("kind", "BARTER")).statusCode(400).body("violations.field", hasItem("kind"));
        Debts.propose(token, caseId, Map.of("kind", "INSTALLMENTS", "installments", 3)).statusCode(400)
                .body("violations.field", hasItem("firstDueDate"));
        Debts.propose(token, caseId, Map.of("kind", "INSTALLMENTS", "installments", 3,
                "firstDueDate", today.minusDays(1).toString())).statusCode(400).body("violations.field", hasItem("firstDueDate"));
        Debts.propose(token, caseId, Map.of("kind", "INSTALLMENTS", "installments", 3, "frequency", "WEEKLY",
                "firstDueDate", today.toString())).statusCode(400).body("violations.field", hasItem("frequency"));
        Debts.propose(token, caseId, Map.of("kind", "INSTALLMENTS", "installments", 3, "downPayment", "500.00",
                "firstDueDate", today.toString())).statusCode(400).body("violations.field", hasItem("downPayment"));
        Debts.propose(token, caseId, Map.of("kind", "SETTLEMENT", "amount", "500.01")).statusCode(400)
                .body("violations.field", hasItem("amount"));
        Debts.propose(token, caseId, Map.of("kind", "SETTLEMENT", "amount", "1.001")).statusCode(400)
                .body("violations.field", hasItem("amount"));

        // a debtor's settlement waits for an agent, who rejects it with a reason
        String offer = Debts.propose(token, caseId, Map.of("kind", "SETTLEMENT", "amount", "400.00"))
                .statusCode(201).body("status", equalTo("OPEN"))
                .body("terms.installments", equalTo(1)).body("schedule[0].dueDate", equalTo(today.plusDays(14).toString()))
                .extract().path("id");
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/debts/" + caseId + "/offers/" + offer + "/reject").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "too low"))
                .post("/api/debts/" + caseId + "/offers/" + offer + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reason", equalTo("too low"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/debts/" + caseId + "/offers/" + offer + "/reject").then().statusCode(409);
        given().auth().oauth2(Tokens.agent()).post("/api/debts/" + caseId + "/offers/" + UUID.randomUUID() + "/accept")
                .then().statusCode(404);
        Debts.get(token, caseId).body("status", equalTo("NEGOTIATING"));
    }

    @Test
    void aLadderOfferStaysOpenUntilTheEndOfItsFirstDueDateThenExpires() {
        String debtor = Debts.debtor("dee");
        String caseId = Debts.open(kafka, debtor, "300.00");
        LocalDate opened = Debts.today(clock);
        var offers = given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/offers")
                .then().statusCode(200).body("expiresAt", everyItem(notNullValue())).extract().jsonPath();
        // the 3-installment rung's first payment is due 30 days on: it is open until that day ends (UTC here)
        String ladderOffer = offers.getString("[1].id");
        assertThat(offers.getString("[1].terms.firstDueDate")).isEqualTo(opened.plusDays(30).toString());
        assertThat(offers.getString("[1].expiresAt")).isEqualTo(opened.plusDays(31) + "T00:00:00Z");
        // paying in full by day 14 can be chosen until day 14 ends, not only until the opening's hour of it
        assertThat(offers.getString("[0].expiresAt")).isEqualTo(opened.plusDays(15) + "T00:00:00Z");

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/offers").then()
                .body("find { it.id == '" + ladderOffer + "' }.status", equalTo("OPEN"));
        clock.advance(Duration.ofDays(17));
        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + ladderOffer + "/accept")
                .then().statusCode(409).body("type", equalTo("urn:shortfall:problem:offer-not-open"));
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/offers").then()
                .body("find { it.id == '" + ladderOffer + "' }.status", equalTo("EXPIRED"));
    }

    @Test
    void aLargeSettlementDiscountNeedsAnotherSupervisorThenSettlesWhenPaid() throws Exception {
        String debtor = Debts.debtor("eve");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        String sue = Tokens.supervisor();
        String sam = Tokens.of("sam", "agent", "supervisor");

        // 10% an agent may grant alone: the debtor may accept at once
        Debts.propose(Tokens.agent(), caseId, Map.of("kind", "SETTLEMENT", "amount", "900.00")).statusCode(201)
                .body("status", equalTo("OPEN"));
        // more needs a supervisor who is not the requester
        String offer = Debts.propose(sue, caseId, Map.of("kind", "SETTLEMENT", "amount", "850.00", "note", "hardship"))
                .statusCode(201).body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        // not the debtor's to answer until approved: for her, no such offer yet
        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + offer + "/accept")
                .then().statusCode(404);
        String approval = given().auth().oauth2(sam).get("/api/approvals").then().statusCode(200)
                .extract().path("find { it.offerId == '" + offer + "' }.id");
        given().auth().oauth2(Tokens.agent()).get("/api/approvals").then().statusCode(403);
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/approvals").then().statusCode(403);
        given().auth().oauth2(sue).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:shortfall:problem:maker-checker"));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/approvals/" + approval + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("sam"));
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of())
                .post("/api/approvals/" + approval + "/reject").then().statusCode(409);
        given().auth().oauth2(sam).get("/api/approvals").then().body("id", not(hasItem(approval)));

        given().auth().oauth2(Tokens.borrower(debtor)).post("/api/debts/" + caseId + "/offers/" + offer + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("IN_PLAN"))
                .body("plan.kind", equalTo("SETTLEMENT"))
                .body("plan.installments.amount", contains("850.00"))
                .body("offers.find { it.terms.amount == '900.00' }.status", equalTo("WITHDRAWN"));

        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/settlement-letter").then()
                .statusCode(409).body("type", equalTo("urn:shortfall:problem:not-settled"));
        var settledBefore = io.shortfall.testing.Metrics.value("shortfall_debt_settled_total", "currency", "USDT");
        Debts.pay(debtor, caseId, "850.00", UUID.randomUUID().toString()).statusCode(201);
        assertThat(io.shortfall.testing.Metrics.value("shortfall_debt_settled_total", "currency", "USDT"))
                .isEqualByComparingTo(settledBefore.add(BigDecimal.ONE));
        byte[] letter = given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId + "/settlement-letter")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(PdfTexts.of(letter)).contains("Paid: 850.00 USDT", "Forgiven by settlement: 150.00 USDT",
                "nothing more is owed");
        given().auth().oauth2(Tokens.borrower("x-" + debtor)).get("/api/debts/" + caseId + "/settlement-letter").then()
                .statusCode(404);
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("SETTLED"))
                .body("outstanding", equalTo("0.00")).body("paid", equalTo("850.00"))
                .body("discount", equalTo("150.00")).body("plan.status", equalTo("COMPLETED"));
        UUID id = UUID.fromString(caseId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.DebtSettled.class, e -> e.caseId().equals(id))).singleElement().satisfies(e -> {
                    assertThat(e.paid()).isEqualByComparingTo("850.00");
                    assertThat(e.discount()).isEqualByComparingTo("150.00");
                }));
    }

    @Test
    void acceptingAnotherOfferWithdrawsASettlementAwaitingApproval() {
        String debtor = Debts.debtor("gil");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        String offer = Debts.propose(Tokens.borrower(debtor), caseId, Map.of("kind", "SETTLEMENT", "amount", "500.00"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.agent()).post("/api/debts/" + caseId + "/offers/" + offer + "/accept").then()
                .statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        given().auth().oauth2(Tokens.supervisor()).get("/api/approvals").then().body("offerId", hasItem(offer));
        Debts.plan(debtor, caseId, 4, Debts.today(clock).plusDays(3)).statusCode(201).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.supervisor()).get("/api/approvals").then().body("offerId", not(hasItem(offer)));
        given().auth().oauth2(Tokens.supervisor()).get("/api/approvals?status=REJECTED").then()
                .body("find { it.offerId == '" + offer + "' }.decidedBy", equalTo("SYSTEM"));
        Debts.get(Tokens.agent(), caseId).body("offers.find { it.id == '" + offer + "' }.status", equalTo("WITHDRAWN"));
    }

    @Test
    void aDebtorsLargeSettlementAcceptedByAnAgentWaitsForASupervisor() {
        String debtor = Debts.debtor("fay");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        String offer = Debts.propose(Tokens.borrower(debtor), caseId, Map.of("kind", "SETTLEMENT", "amount", "500.00"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.agent()).post("/api/debts/" + caseId + "/offers/" + offer + "/accept").then()
                .statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        String approval = given().auth().oauth2(Tokens.supervisor()).get("/api/approvals").then().statusCode(200)
                .body("find { it.offerId == '" + offer + "' }.requestedBy", equalTo("agent"))
                .extract().path("find { it.offerId == '" + offer + "' }.id");
        given().auth().oauth2(Tokens.supervisor()).contentType(ContentType.JSON).body(Map.of("note", "too much"))
                .post("/api/approvals/" + approval + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("NEGOTIATING"))
                .body("offers.find { it.id == '" + offer + "' }.status", equalTo("REJECTED"));
    }

    @Test
    void anAgentsSettlementAwaitingASupervisorIsAnnouncedToTheDebtorOnlyOnceApprovedAndARejectedOneNever() {
        String debtor = Debts.debtor("hal");
        String caseId = Debts.open(kafka, debtor, "1000.00");
        UUID id = UUID.fromString(caseId);
        String sue = Tokens.supervisor();
        String sam = Tokens.of("sam", "agent", "supervisor");
        String her = Tokens.borrower(debtor);

        String approvedLater = Debts.propose(sue, caseId, Map.of("kind", "SETTLEMENT", "amount", "850.00"))
                .statusCode(201).body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        String rejectedLater = Debts.propose(sue, caseId, Map.of("kind", "SETTLEMENT", "amount", "800.00"))
                .statusCode(201).body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        // an offer inside the agent's limit is announced at once: once its OfferMade is out, the others' would be
        String inside = Debts.propose(Tokens.agent(), caseId, Map.of("kind", "SETTLEMENT", "amount", "950.00"))
                .statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.OfferMade.class, e -> e.caseId().equals(id))).extracting(e -> e.offerId().toString())
                .containsExactly(inside));

        // the debtor sees neither pending offer, nor anything about them on her timeline; staff see both
        given().auth().oauth2(her).get("/api/debts/" + caseId + "/offers").then().statusCode(200)
                .body("id", hasItem(inside)).body("id", not(hasItem(approvedLater)))
                .body("id", not(hasItem(rejectedLater)));
        Debts.get(her, caseId).body("offers.id", not(hasItem(approvedLater)))
                .body("timeline.text", everyItem(not(containsString(approvedLater))))
                .body("timeline.kind", not(hasItem("APPROVAL_REQUESTED")));
        Debts.get(Tokens.agent(), caseId).body("offers.id", hasItem(approvedLater))
                .body("offers.id", hasItem(rejectedLater));

        String approve = given().auth().oauth2(sam).get("/api/approvals").then().statusCode(200)
                .extract().path("find { it.offerId == '" + approvedLater + "' }.id");
        String reject = given().auth().oauth2(sam).get("/api/approvals").then().statusCode(200)
                .extract().path("find { it.offerId == '" + rejectedLater + "' }.id");
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of("note", "too much"))
                .post("/api/approvals/" + reject + "/reject").then().statusCode(200);
        given().auth().oauth2(sam).contentType(ContentType.JSON).body(Map.of("note", "hardship"))
                .post("/api/approvals/" + approve + "/approve").then().statusCode(200);

        // approved: announced once (OfferMade, hence her email), with its schedule, and hers to answer
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.OfferMade.class, e -> e.caseId().equals(id))).extracting(e -> e.offerId().toString())
                .containsExactly(inside, approvedLater));
        assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.OfferMade.class,
                e -> e.offerId().toString().equals(approvedLater))).singleElement().satisfies(e -> {
                    assertThat(e.terms().amount()).isEqualByComparingTo("850.00");
                    assertThat(e.schedule()).extracting(DebtEvents.ScheduledInstallment::amount)
                            .containsExactly(new BigDecimal("850.00"));
                });
        // the rejected one was never announced, nor its rejection
        assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.OfferRejected.class,
                e -> e.offerId().toString().equals(rejectedLater))).isEmpty();
        given().auth().oauth2(her).get("/api/debts/" + caseId + "/offers").then().statusCode(200)
                .body("find { it.id == '" + approvedLater + "' }.status", equalTo("OPEN"))
                .body("id", not(hasItem(rejectedLater)));
        given().auth().oauth2(her).post("/api/debts/" + caseId + "/offers/" + rejectedLater + "/accept").then()
                .statusCode(404);
        given().auth().oauth2(her).post("/api/debts/" + caseId + "/offers/" + approvedLater + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
    }
}
