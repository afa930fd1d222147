package io.shortfall.debt.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.debt.Debts;
import io.shortfall.debt.service.DelinquencyJob;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Collateral a debtor pledges to secure a case (loan-service holds it): an agent accepts or declines it; it is given
 * back when the case is settled, and sold when the plan it secured breaks, the proceeds paying off the debt.
 */
@QuarkusTest
class PledgeApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    @Inject
    DelinquencyJob job;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID pledge(String debtor, String caseId, String quantity) {
        UUID id = UUID.randomUUID();
        var pledged = kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralPledged(id, debtor,
                UUID.fromString(caseId), "ETH", new BigDecimal(quantity)), "loan-service");
        kafka.republish(Topics.LOAN_EVENTS, pledged);
        return id;
    }

    private <T extends io.shortfall.events.EventPayload> T awaitOne(Class<T> type, java.util.function.Predicate<T> which) {
        await().atMost(PATIENCE).until(() -> !kafka.payloads(Topics.DEBT_EVENTS, type, which).isEmpty());
        List<T> found = kafka.payloads(Topics.DEBT_EVENTS, type, which);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static io.shortfall.events.NotificationEvents.EmailSent emailSent(String to, String subject,
                                                                             String caseId) {
        return new io.shortfall.events.NotificationEvents.EmailSent(UUID.randomUUID(), to, "PLEDGE_RELEASED", subject,
                UUID.randomUUID(), "PledgeReleased", null, UUID.fromString(caseId), java.time.Instant.now());
    }

    private static io.restassured.response.ValidatableResponse accept(String token, String caseId, UUID pledge) {
        return given().auth().oauth2(token).post("/api/cases/" + caseId + "/pledges/" + pledge + "/acceptance").then();
    }

    @Test
    void aPledgeAcceptedSecuresThePlanAndIsSoldWhenItBreaksTheProceedsPayingTheDebtAndTheRestGoingBack() {
        String debtor = Debts.debtor("pia");
        String caseId = Debts.open(kafka, debtor, "900.00");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(3)).statusCode(201);
        UUID pledge = pledge(debtor, caseId, "0.50000000");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.borrower(debtor), caseId)
                .body("pledges.size()", equalTo(1)).body("pledges[0].status", equalTo("OFFERED"))
                .body("pledges[0].quantity", equalTo("0.50000000")).body("pledges[0].asset", equalTo("ETH")));

        accept(Tokens.agent(), caseId, pledge).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("agent"));
        accept(Tokens.agent(), caseId, pledge).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:pledge-accept"))
                .body("detail", containsString("is ACCEPTED"));
        assertThat(awaitOne(DebtEvents.PledgeAccepted.class, e -> e.pledgeId().equals(pledge)).quantity())
                .isEqualByComparingTo("0.5");

        // Every installment missed: the plan breaks and the pledge is forfeited, once.
        clock.advance(Duration.ofDays(80));
        job.runOnce().await().atMost(Duration.ofMinutes(1));
        DebtEvents.PledgeForfeited forfeited = awaitOne(DebtEvents.PledgeForfeited.class,
                e -> e.pledgeId().equals(pledge));
        assertThat(forfeited.reason()).contains("broken");
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("BROKEN"))
                .body("pledges[0].status", equalTo("FORFEITED"));

        // Sold for more than is owed: 900.00 pays the debt in full, 87.50 goes back; delivered twice, applied once.
        var sold = kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.PledgeSold(pledge,
                UUID.fromString(caseId), debtor, "ETH", new BigDecimal("0.50000000"), new BigDecimal("1975.00000000"),
                new BigDecimal("987.50"), "pledge-" + pledge), "liquidation-service");
        kafka.republish(Topics.LIQUIDATION_EVENTS, sold);
        DebtEvents.PledgeProceedsApplied applied = awaitOne(DebtEvents.PledgeProceedsApplied.class,
                e -> e.pledgeId().equals(pledge));
        assertThat(applied.proceeds()).isEqualByComparingTo("987.50");
        assertThat(applied.applied()).isEqualByComparingTo("900.00");
        assertThat(applied.returned()).isEqualByComparingTo("87.50");
        assertThat(applied.outstanding()).isEqualByComparingTo("0.00");
        Debts.get(Tokens.borrower(debtor), caseId).body("status", equalTo("SETTLED"))
                .body("paid", equalTo("900.00")).body("outstanding", equalTo("0.00"))
                .body("pledges[0].status", equalTo("SOLD")).body("pledges[0].applied", equalTo("900.00"))
                .body("pledges[0].returned", equalTo("87.50"))
                .body("payments.findAll { it.paidBy == 'PLEDGE' }.amount", equalTo(List.of("900.00")))
                .body("timeline.kind", hasItem("PLEDGE_SOLD")).body("timeline.kind", hasItem("DEBT_SETTLED"));

        // What a sale raised cannot bounce.
        String payment = Debts.get(Tokens.agent(), caseId).extract().path("pledges[0].paymentId");
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", "bounced"))
                .post("/api/cases/" + caseId + "/payments/" + payment + "/reversal").then().statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:pledge-payment"));
    }

    @Test
    void aPledgeSoldForLessThanIsOwedLeavesTheRestOwedAndNoPlanIsAgreedBeforeItsProceeds() {
        String debtor = Debts.debtor("pol");
        String caseId = Debts.open(kafka, debtor, "900.00");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(3)).statusCode(201);
        UUID pledge = pledge(debtor, caseId, "0.10000000");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.agent(), caseId)
                .body("pledges[0].status", equalTo("OFFERED")));
        accept(Tokens.agent(), caseId, pledge).statusCode(200);
        clock.advance(Duration.ofDays(80));
        job.runOnce().await().atMost(Duration.ofMinutes(1));
        awaitOne(DebtEvents.PledgeForfeited.class, e -> e.pledgeId().equals(pledge));
        // Its proceeds will change what is owed: no plan until they are applied.
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(3)).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:shortfall:problem:pledge-being-sold"));

        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.PledgeSold(pledge, UUID.fromString(caseId),
                debtor, "ETH", new BigDecimal("0.10000000"), new BigDecimal("1975.00000000"),
                new BigDecimal("197.50"), "pledge-" + pledge), "liquidation-service");
        DebtEvents.PledgeProceedsApplied applied = awaitOne(DebtEvents.PledgeProceedsApplied.class,
                e -> e.pledgeId().equals(pledge));
        assertThat(applied.applied()).isEqualByComparingTo("197.50");
        assertThat(applied.returned()).isEqualByComparingTo("0.00");
        assertThat(applied.outstanding()).isEqualByComparingTo("702.50");
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("BROKEN")).body("outstanding", equalTo("702.50"));
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(3)).statusCode(201)
                .body("status", equalTo("ACCEPTED"));
        Debts.get(Tokens.agent(), caseId).body("status", equalTo("IN_PLAN")).body("plan.amount", equalTo("702.50"));
    }

    @Test
    void aPledgeIsGivenBackWhenDeclinedWhenTheCaseIsSettledAndWhenTheCaseCannotTakeIt() {
        String debtor = Debts.debtor("pat");
        String caseId = Debts.open(kafka, debtor, "300.00");
        UUID declined = pledge(debtor, caseId, "1.00000000");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.agent(), caseId)
                .body("pledges[0].status", equalTo("OFFERED")));

        // One live pledge per case: a second is given back at once, saying why.
        UUID second = pledge(debtor, caseId, "2.00000000");
        assertThat(awaitOne(DebtEvents.PledgeReleased.class, e -> e.pledgeId().equals(second)).reason())
                .isEqualTo("the case is already secured by another pledge");

        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/cases/" + caseId + "/pledges/" + declined + "/decline").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON)
                .body(Map.of("reason", "ETH is too volatile to secure this debt"))
                .post("/api/cases/" + caseId + "/pledges/" + declined + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        assertThat(awaitOne(DebtEvents.PledgeReleased.class, e -> e.pledgeId().equals(declined)).reason())
                .isEqualTo("declined: ETH is too volatile to secure this debt");

        // Accepted, then the plan is paid in full: the pledge goes back with the settlement.
        UUID kept = pledge(debtor, caseId, "1.50000000");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.agent(), caseId)
                .body("pledges.find { it.id == '" + kept + "' }.status", equalTo("OFFERED")));
        accept(Tokens.agent(), caseId, kept).statusCode(200);
        Debts.plan(debtor, caseId, 1, Debts.today(clock).plusDays(3)).statusCode(201);
        Debts.pay(debtor, caseId, "300.00", UUID.randomUUID().toString()).statusCode(201);
        DebtEvents.PledgeReleased released = awaitOne(DebtEvents.PledgeReleased.class, e -> e.pledgeId().equals(kept));
        assertThat(released.reason()).isEqualTo("the case is settled");
        assertThat(released.quantity()).isEqualByComparingTo("1.5");

        // A closed case takes none; nor does a case of someone else's (told no more than that).
        UUID late = pledge(debtor, caseId, "1.00000000");
        assertThat(awaitOne(DebtEvents.PledgeReleased.class, e -> e.pledgeId().equals(late)).reason())
                .isEqualTo("the case is closed (SETTLED)");
        UUID notTheirs = pledge(Debts.debtor("eve"), caseId, "1.00000000");
        assertThat(awaitOne(DebtEvents.PledgeReleased.class, e -> e.pledgeId().equals(notTheirs)).reason())
                .startsWith("no debt case");
        Debts.get(Tokens.borrower(debtor), caseId).body("pledges.status",
                equalTo(List.of("DECLINED", "RELEASED")));

        // eve is told her pledge came back, naming the case she tried: that email is not on pat's timeline. (Her
        // next email, about her own case, is on her partition after it: once it shows, the first was consumed.)
        String eve = Debts.debtor("eve");
        String evesCase = Debts.open(kafka, eve, "50.00");
        kafka.publish(Topics.NOTIFICATION_EVENTS, emailSent(eve, "Your pledge of 1 ETH is back in your reserve",
                caseId), "notification-service");
        kafka.publish(Topics.NOTIFICATION_EVENTS, emailSent(eve, "About your own case", evesCase),
                "notification-service");
        await().atMost(PATIENCE).untilAsserted(() -> Debts.get(Tokens.borrower(eve), evesCase)
                .body("timeline.text", hasItem("Email sent: About your own case")));
        Debts.get(Tokens.agent(), caseId).body("timeline.text",
                org.hamcrest.Matchers.not(hasItem("Email sent: Your pledge of 1 ETH is back in your reserve")));
        accept(Tokens.borrower(debtor), caseId, kept).statusCode(403);
    }
}
