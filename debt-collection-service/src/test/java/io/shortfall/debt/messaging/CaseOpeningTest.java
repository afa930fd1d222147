package io.shortfall.debt.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shortfall.debt.Shortfalls;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CaseOpeningTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private List<DebtEvents.DebtCaseOpened> opened(UUID liquidationId) {
        return kafka.payloads(Topics.DEBT_EVENTS, DebtEvents.DebtCaseOpened.class,
                e -> e.liquidationId().equals(liquidationId));
    }

    private static JsonPath caseOf(String borrower, String caseId) {
        return given().auth().oauth2(Tokens.borrower(borrower)).get("/api/debts/" + caseId).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aNegativeBalanceWithRecourseOpensOneCaseWithItsLadderAndARepeatChangesNothing() {
        var balance = Shortfalls.of("alice", "1000.00", "RECOURSE");
        EventEnvelope event = kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");
        List<LocalDate> today = List.of(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(1));

        String caseId = Shortfalls.awaitCase("alice", balance.liquidationId());
        given().auth().oauth2(Tokens.borrower("alice")).get("/api/debts/" + caseId).then().statusCode(200)
                .body("debtorId", equalTo("alice"))
                .body("status", equalTo("OPEN"))
                .body("amount", equalTo("1000.00"))
                .body("outstanding", equalTo("1000.00"))
                .body("currency", equalTo("USDT"))
                .body("liquidationId", equalTo(balance.liquidationId().toString()))
                .body("loanId", equalTo(balance.loanId().toString()))
                .body("openedAt", notNullValue())
                .body("timeZone", equalTo("UTC"))
                .body("daysPastDue", equalTo(0))
                .body("bucket", nullValue())
                .body("assignee", nullValue())
                .body("plan", nullValue())
                .body("receipt", nullValue())
                .body("offers.kind", contains("PAY_IN_FULL", "INSTALLMENTS", "INSTALLMENTS", "INSTALLMENTS"))
                .body("offers.terms.installments", contains(1, 3, 6, 12))
                .body("offers.by", everyItem(equalTo("SYSTEM")))
                .body("offers.status", everyItem(equalTo("OPEN")))
                .body("offers.terms.amount", everyItem(equalTo("1000.00")))
                .body("offers[1].schedule.amount", contains("333.33", "333.33", "333.34"))
                .body("offers[3].schedule", hasSize(12))
                .body("timeline.kind", hasItem("CASE_OPENED"))
                .body("timeline.by", hasItem("SYSTEM"));

        JsonPath view = caseOf("alice", caseId);
        LocalDate payBy = LocalDate.parse(view.getString("offers[0].schedule[0].dueDate"));
        assertThat(payBy).isIn(today.stream().map(d -> d.plusDays(14)).toList());
        LocalDate firstInstallment = LocalDate.parse(view.getString("offers[1].terms.firstDueDate"));
        assertThat(firstInstallment).isEqualTo(payBy.plusDays(16));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(opened(balance.liquidationId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.caseId()).hasToString(caseId);
                    assertThat(e.debtorId()).isEqualTo("alice");
                    assertThat(e.amount()).isEqualByComparingTo("1000.00");
                    assertThat(e.currency()).isEqualTo("USDT");
                    assertThat(e.loanId()).isEqualTo(balance.loanId());
                    assertThat(e.offers()).extracting(DebtEvents.LadderOffer::installments).containsExactly(1, 3, 6, 12);
                    assertThat(e.offers()).allSatisfy(offer -> {
                        assertThat(offer.total()).isEqualByComparingTo("1000.00");
                        assertThat(offer.schedule().stream().map(DebtEvents.ScheduledInstallment::amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00");
                    });
                    assertThat(e.offers().get(0).schedule().get(0).dueDate()).isEqualTo(payBy);
                }));
        assertThat(kafka.records(Topics.DEBT_EVENTS)).filteredOn(r -> r.key().equals(caseId)).isNotEmpty();

        // The same event delivered again, and the same shortfall reported again under a new event id; then the
        // receipt, on the same partition, to know both were consumed.
        kafka.republish(Topics.LIQUIDATION_EVENTS, event);
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");
        kafka.publish(Topics.LIQUIDATION_EVENTS, Shortfalls.receiptOf(balance), "liquidation-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseOf("alice", caseId).getString("receipt.shortfall"))
                .isEqualTo("1000.00"));

        assertThat(Shortfalls.awaitCase("alice", balance.liquidationId())).isEqualTo(caseId);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() ->
                assertThat(opened(balance.liquidationId())).hasSize(1));
        assertThat(caseOf("alice", caseId).getList("offers")).hasSize(4);
    }

    @Test
    void theCaseShowsTheReceiptWhicheverArrivesFirst() {
        var balance = Shortfalls.of("carol", "250.75", "RECOURSE");
        kafka.publish(Topics.LIQUIDATION_EVENTS, Shortfalls.receiptOf(balance), "liquidation-service");
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");

        String caseId = Shortfalls.awaitCase("carol", balance.liquidationId());
        given().auth().oauth2(Tokens.borrower("carol")).get("/api/debts/" + caseId).then().statusCode(200)
                .body("receipt.liquidationId", equalTo(balance.liquidationId().toString()))
                .body("receipt.collateralAsset", equalTo("ETH"))
                .body("receipt.collateralSold", equalTo("2.00000000"))
                .body("receipt.gross", equalTo("3800.00"))
                .body("receipt.fee", equalTo("0.00"))
                .body("receipt.debt", equalTo("4050.75"))
                .body("receipt.debtCovered", equalTo("3800.00"))
                .body("receipt.shortfall", equalTo("250.75"))
                .body("receipt.fills[0].price", equalTo("1900.00000000"))
                .body("receipt.fills[0].referencePrice", equalTo("2300.00000000"))
                .body("timeline.kind", contains("LIQUIDATION_RECEIPT", "CASE_OPENED", "OFFERS_MADE"))
                .body("timeline[0].by", equalTo("liquidation-service"))
                .body("timeline[0].text", containsString("shortfall 250.75"))
                .body("timeline[2].text", containsString("3 monthly installments of 83.58 (the last 83.59)"))
                .body("offers[1].schedule.amount", contains("83.58", "83.58", "83.59"));
    }

    @Test
    void withoutRecourseNoCaseOpens() {
        var waived = Shortfalls.of("nina", "500.00", "NON_RECOURSE");
        kafka.publish(Topics.LIQUIDATION_EVENTS, waived, "liquidation-service");
        // A later shortfall of the same loan (same partition): once its case is there, the first was consumed.
        var later = new LiquidationEvents.NegativeBalanceRecorded(UUID.randomUUID(), waived.loanId(), "nina",
                new BigDecimal("20.00"), "USDT", "RECOURSE");
        kafka.publish(Topics.LIQUIDATION_EVENTS, later, "liquidation-service");

        Shortfalls.awaitCase("nina", later.liquidationId());
        given().auth().oauth2(Tokens.borrower("nina")).get("/api/debts").then().statusCode(200)
                .body("liquidationId", contains(later.liquidationId().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(opened(later.liquidationId())).hasSize(1));
        assertThat(opened(waived.liquidationId())).isEmpty();
    }

    @Test
    void dueDatesAreCalendarDatesInTheDebtorsTimeZone() {
        LocalDate east = payInFullDateFor("kiri-" + UUID.randomUUID(), "Pacific/Kiritimati");  // UTC+14
        LocalDate west = payInFullDateFor("pago-" + UUID.randomUUID(), "Pacific/Pago_Pago");   // UTC-11
        // 25 hours apart: whatever the time of day, Kiritimati's date is later than Pago Pago's.
        assertThat(east).isAfter(west);
    }

    private LocalDate payInFullDateFor(String debtor, String zone) {
        String first = Shortfalls.awaitCase(debtor, publish(Shortfalls.of(debtor, "90.00", "RECOURSE")));
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(debtor, debtor + "@example.com", "D",
                "en", zone), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseOf(debtor, first).getString("timeZone"))
                .isEqualTo(zone));

        LocalDate before = LocalDate.now(ZoneId.of(zone));
        String second = Shortfalls.awaitCase(debtor, publish(Shortfalls.of(debtor, "90.00", "RECOURSE")));
        LocalDate after = LocalDate.now(ZoneId.of(zone));
        LocalDate payBy = LocalDate.parse(caseOf(debtor, second).getString("offers[0].schedule[0].dueDate"));
        assertThat(payBy).isIn(before.plusDays(14), after.plusDays(14));
        return payBy.minusDays(14);
    }

    @Test
    void theZoneTheDebtorChoseInTheirPreferencesIsTheirZoneOfRecordOverTheIdentityProvidersOne() {
        String debtor = "zoe-" + UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(debtor, debtor + "@example.com", "Zoe",
                "en", "UTC"), "loan-service");
        String caseId = Shortfalls.awaitCase(debtor, publish(Shortfalls.of(debtor, "90.00", "RECOURSE")));
        assertThat(caseOf(debtor, caseId).getString("timeZone")).isEqualTo("UTC");

        kafka.publish(Topics.NOTIFICATION_EVENTS, new NotificationEvents.PreferencesChanged(debtor, "America/Chicago",
                null), "notification-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseOf(debtor, caseId).getString("timeZone"))
                .isEqualTo("America/Chicago"));
        // Withdrawn, the choice gives way to the identity provider's zone, as it is now.
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(debtor, debtor + "@example.com", "Zoe",
                "en", "Europe/Berlin"), "loan-service");
        kafka.publish(Topics.NOTIFICATION_EVENTS, new NotificationEvents.PreferencesChanged(debtor, null, null),
                "notification-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseOf(debtor, caseId).getString("timeZone"))
                .isEqualTo("Europe/Berlin"));
    }

    @Test
    void agentsKnowADebtorByTheNameTheirIdentityProviderGives() {
        String debtor = "yann-" + UUID.randomUUID();
        String caseId = Shortfalls.awaitCase(debtor, publish(Shortfalls.of(debtor, "90.00", "RECOURSE")));
        // No contact yet: no name, and the agent works the case by its debtor's id.
        given().auth().oauth2(Tokens.agent()).get("/api/debts/" + caseId).then().statusCode(200)
                .body("debtorId", equalTo(debtor)).body("debtorName", nullValue());

        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.BorrowerContact(debtor, debtor + "@example.com",
                "  Yann Kerouac ", "fr", "Europe/Paris"), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.agent())
                .get("/api/debts/" + caseId).then().statusCode(200).extract().jsonPath().getString("debtorName"))
                .isEqualTo("Yann Kerouac"));
        String agent = "agent-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.agent()).contentType("application/json").body("{\"agentId\":\"" + agent + "\"}")
                .post("/api/cases/" + caseId + "/assign").then().statusCode(200)
                .body("debtorId", equalTo(debtor)).body("debtorName", equalTo("Yann Kerouac"));
        given().auth().oauth2(Tokens.agent()).queryParam("assignee", agent).get("/api/cases").then().statusCode(200)
                .body("id", contains(caseId)).body("debtorName", contains("Yann Kerouac"));
    }

    @Test
    void everyEmailAboutTheCaseIsOnItsTimelineOnceWhetherItNamesTheCaseOrTheLiquidationThatOpenedIt() {
        String debtor = "emil-" + UUID.randomUUID();
        var balance = Shortfalls.of(debtor, "120.00", "RECOURSE");
        Instant sent = Instant.now().plusSeconds(1);
        // The negative-balance email may be announced before the case is opened: it shows once the case is.
        var negative = new NotificationEvents.EmailSent(UUID.randomUUID(), debtor, "NEGATIVE_BALANCE",
                "You owe 120.00 USDT after the liquidation", UUID.randomUUID(), "NegativeBalanceRecorded",
                balance.loanId(), null, sent);
        EventEnvelope first = kafka.publish(Topics.NOTIFICATION_EVENTS, negative, "notification-service");
        // An email about the loan before its liquidation (a margin call) is the loan's history, not the case's.
        kafka.publish(Topics.NOTIFICATION_EVENTS, new NotificationEvents.EmailSent(UUID.randomUUID(), debtor,
                "MARGIN_CALL", "Margin call", UUID.randomUUID(), "MarginCall", balance.loanId(), null,
                sent.minusSeconds(60)), "notification-service");
        String caseId = Shortfalls.awaitCase(debtor, publish(balance));
        kafka.publish(Topics.NOTIFICATION_EVENTS, new NotificationEvents.EmailSent(UUID.randomUUID(), debtor,
                "OFFER_RECEIVED", "Your repayment options", UUID.randomUUID(), "DebtCaseOpened", balance.loanId(),
                UUID.fromString(caseId), sent.plusSeconds(1)), "notification-service");
        kafka.republish(Topics.NOTIFICATION_EVENTS, first);

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower(debtor))
                .get("/api/debts/" + caseId).then().statusCode(200)
                .body("timeline.findAll { it.kind == 'EMAIL_SENT' }.text", contains(
                        "Email sent: You owe 120.00 USDT after the liquidation",
                        "Email sent: Your repayment options"))
                .body("timeline.findAll { it.kind == 'EMAIL_SENT' }.by", everyItem(equalTo("notification-service"))));
    }

    private UUID publish(LiquidationEvents.NegativeBalanceRecorded balance) {
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");
        return balance.liquidationId();
    }

    @Test
    void aPoisonRecordGoesToTheDlqAndTheNextRecordIsStillApplied() {
        var balance = Shortfalls.of("paul", "42.00", "RECOURSE");
        String garbage = "{\"this is\": \"not an envelope\"";
        kafka.sendRaw(Topics.LIQUIDATION_EVENTS, balance.loanId().toString(), garbage);
        var subCent = new LiquidationEvents.NegativeBalanceRecorded(UUID.randomUUID(), balance.loanId(), "paul",
                new BigDecimal("10.001"), "USDT", "RECOURSE");
        EventEnvelope invalid = kafka.publish(Topics.LIQUIDATION_EVENTS, subCent, "liquidation-service");
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");

        Shortfalls.awaitCase("paul", balance.liquidationId());
        given().auth().oauth2(Tokens.borrower("paul")).get("/api/debts").then()
                .body("liquidationId", contains(balance.liquidationId().toString()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var dlq = kafka.records(Topics.dlq(Topics.LIQUIDATION_EVENTS));
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).isEqualTo(garbage);
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("not an event envelope");
            });
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).contains(invalid.eventId().toString());
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("exact to the cent");
            });
        });
    }
}
