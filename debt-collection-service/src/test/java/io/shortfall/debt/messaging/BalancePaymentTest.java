package io.shortfall.debt.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.debt.Debts;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.debt.Shortfalls.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Payments a debtor makes from their USDT balance (loan-service takes the money, this service applies it). */
@QuarkusTest
class BalancePaymentTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    TestClock clock;

    private DebtEvents.BalancePaymentReturned awaitReturned(UUID paymentId) {
        await().atMost(PATIENCE).until(() -> !kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.BalancePaymentReturned.class, e -> e.balancePaymentId().equals(paymentId)).isEmpty());
        return kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.BalancePaymentReturned.class,
                e -> e.balancePaymentId().equals(paymentId)).get(0);
    }

    @Test
    void aPaymentFromTheBalanceIsAppliedToThePlanLikeAnyOtherOnce() {
        String debtor = Debts.debtor("bea");
        String caseId = Debts.open(kafka, debtor, "300.00");
        Debts.plan(debtor, caseId, 3, Debts.today(clock).plusDays(20)).statusCode(201);
        UUID paymentId = UUID.randomUUID();
        var paid = kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.DebtPaidFromBalance(paymentId, debtor,
                UUID.fromString(caseId), new BigDecimal("120.00"), "USDT"), "loan-service");
        kafka.republish(Topics.LOAN_EVENTS, paid);

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower(debtor))
                .get("/api/debts/" + caseId).then().statusCode(200)
                .body("paid", equalTo("120.00")).body("outstanding", equalTo("180.00"))
                .body("payments.size()", equalTo(1))
                .body("timeline.findAll { it.kind == 'PAYMENT_RECEIVED' }.by", hasItem("BALANCE")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.DEBT_EVENTS,
                DebtEvents.BalancePaymentApplied.class, e -> e.balancePaymentId().equals(paymentId)))
                .singleElement().satisfies(a -> {
                    assertThat(a.amount()).isEqualByComparingTo("120.00");
                    assertThat(a.caseId()).isEqualTo(UUID.fromString(caseId));
                }));
        assertThat(kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.BalancePaymentReturned.class,
                e -> e.balancePaymentId().equals(paymentId))).isEmpty();

        // Money from the balance cannot bounce: an agent cannot reverse it (the balance would never get it back).
        String applied = given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + caseId)
                .then().extract().path("payments[0].id");
        given().auth().oauth2(Tokens.agent()).contentType("application/json")
                .body(java.util.Map.of("reason", "bounced"))
                .post("/api/cases/" + caseId + "/payments/" + applied + "/reversal").then().statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:balance-payment"));
    }

    @Test
    void aPaymentTheCaseCannotTakeIsReturnedSayingWhy() {
        String debtor = Debts.debtor("cal");
        String noPlan = Debts.open(kafka, debtor, "300.00");
        UUID beforeAPlan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.DebtPaidFromBalance(beforeAPlan, debtor,
                UUID.fromString(noPlan), new BigDecimal("50.00"), "USDT"), "loan-service");
        assertThat(awaitReturned(beforeAPlan).reason()).contains("plan");

        String inPlan = Debts.open(kafka, debtor, "100.00");
        Debts.plan(debtor, inPlan, 1, Debts.today(clock).plusDays(20)).statusCode(201);
        UUID tooMuch = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.DebtPaidFromBalance(tooMuch, debtor,
                UUID.fromString(inPlan), new BigDecimal("100.01"), "USDT"), "loan-service");
        DebtEvents.BalancePaymentReturned returned = awaitReturned(tooMuch);
        assertThat(returned.amount()).isEqualByComparingTo("100.01");
        assertThat(returned.debtorId()).isEqualTo(debtor);

        UUID notTheirs = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.DebtPaidFromBalance(notTheirs, Debts.debtor("eve"),
                UUID.fromString(inPlan), new BigDecimal("10.00"), "USDT"), "loan-service");
        assertThat(awaitReturned(notTheirs).reason()).contains("no debt case");
        given().auth().oauth2(Tokens.borrower(debtor)).get("/api/debts/" + inPlan).then()
                .body("paid", equalTo("0.00")).body("outstanding", equalTo("100.00"));
    }
}
