package io.shortfall.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.Topics;
import io.shortfall.notification.Events;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each event a borrower is told about: one email with the right numbers, one feed item, however often delivered. */
@QuarkusTest
class NotificationFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static List<Mailbox.Email> awaitEmails(Events events, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(count));
        return Mailbox.of(events.address());
    }

    private static List<Map<String, Object>> feed(Events events) {
        return given().auth().oauth2(Tokens.borrower(events.borrower)).get("/api/notifications?size=100")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static void awaitFeedEmail(Events events, String type, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events))
                .filteredOn(n -> type.equals(n.get("type")))
                .singleElement()
                .satisfies(n -> assertThat(n.get("email")).isEqualTo(Map.of("status", status, "attempts", 0))));
    }

    /**
     * Waits until the feed holds {@code count} items, all emailed, then checks the mailbox holds exactly as many:
     * a redelivery that had created a notification or an email would show here.
     */
    private static void awaitEveryEmailSent(Events events, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).hasSize(count)
                .allSatisfy(n -> assertThat(n.get("email")).isEqualTo(Map.of("status", "SENT", "attempts", 0))));
        assertThat(Mailbox.of(events.address())).hasSize(count);
    }

    @Test
    void aMarginCallIsEmailedOnceWithWhatFixesItEvenWhenDeliveredAgain() {
        Events events = new Events(kafka, "mc");
        events.contact();
        EventEnvelope call = events.marginCall(0);

        Mailbox.Email email = awaitEmails(events, 1).get(0);
        assertThat(email.subject()).isEqualTo("Margin call on your BTC loan");
        assertThat(email.from()).contains("no-reply@shortfall.local");
        assertThat(email.text())
                .contains("Hello Nina Example")
                .contains("LTV:               81.25%")
                .contains("add 0.25000000 BTC of collateral")
                .contains("repay 7800.00 USDT")
                .contains("Liquidation price: 46801.87207488 USDT per BTC");
        assertThat(email.html()).contains("<strong>0.25000000 BTC</strong>");
        awaitFeedEmail(events, "MARGIN_CALL", "SENT");

        // The same event again, then the 6-hourly repeat on the same partition: only the repeat is new.
        kafka.republish(Topics.MARGIN_EVENTS, call);
        events.marginCall(1);
        awaitEveryEmailSent(events, 2);
        List<Mailbox.Email> emails = Mailbox.of(events.address());
        assertThat(emails).extracting(Mailbox.Email::subject)
                .containsExactly("Margin call on your BTC loan", "Margin call on your BTC loan (reminder 1)");
        assertThat(emails.get(1).text()).contains("MARGIN CALL (reminder 1)");
        assertThat(feed(events)).extracting(n -> n.get("title"))
                .containsExactly("Margin call on your BTC loan (reminder 1)", "Margin call on your BTC loan");
        // Each email sent is announced once, naming the loan it was about, for its timeline.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.NOTIFICATION_EVENTS,
                NotificationEvents.EmailSent.class, e -> e.borrowerId().equals(events.borrower)))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.loanId()).isEqualTo(events.loan);
                    assertThat(e.caseId()).isNull();
                    assertThat(e.aboutEventType()).isEqualTo("MarginCall");
                    assertThat(e.notificationType()).isEqualTo("MARGIN_CALL");
                })
                .extracting(NotificationEvents.EmailSent::subject)
                .containsExactlyInAnyOrder("Margin call on your BTC loan", "Margin call on your BTC loan (reminder 1)"));
    }

    @Test
    void enteringOrangeIsAWarningButEnteringRedIsNot() {
        Events events = new Events(kafka, "orange");
        events.contact();
        events.zone("GREEN", "ORANGE");
        events.zone("ORANGE", "RED");
        events.marginCall(0);

        List<Mailbox.Email> emails = awaitEmails(events, 2);
        assertThat(emails).extracting(Mailbox.Email::subject)
                .containsExactly("Warning: your BTC loan is in the ORANGE zone", "Margin call on your BTC loan");
        assertThat(emails.get(0).text()).contains("LTV:   76.12%").contains("Price: 51234.50000000 USDT per BTC");
        assertThat(feed(events)).extracting(n -> n.get("type")).containsExactly("MARGIN_CALL", "ORANGE_WARNING");
    }

    @Test
    void theStartOfALiquidationIsAnnounced() {
        Events events = new Events(kafka, "started");
        events.contact();
        EventEnvelope started = events.liquidationStarted();

        Mailbox.Email email = awaitEmails(events, 1).get(0);
        assertThat(email.subject()).isEqualTo("Your ETH loan is being liquidated");
        assertThat(email.text()).contains("LTV:        85.05%").contains("Debt:       3912.34 USDT")
                .contains("Collateral: 2.00000000 ETH");
        awaitFeedEmail(events, "LIQUIDATION_STARTED", "SENT");

        // Delivered again, then a later start of the same loan on the same partition: only the later one is new.
        kafka.republish(Topics.LOAN_EVENTS, started);
        events.liquidationStarted();
        awaitEveryEmailSent(events, 2);
    }

    @Test
    void theReceiptShowsEveryFillAndTheArithmeticOfTheShortfall() {
        Events events = new Events(kafka, "receipt");
        events.contact();
        EventEnvelope completed = events.liquidationCompleted();

        Mailbox.Email email = awaitEmails(events, 1).get(0);
        assertThat(email.subject()).isEqualTo("Liquidation receipt: a shortfall of 80.00 USDT remains");
        assertThat(email.text())
                .contains("1.00000000 ETH x 1950.00000000 = 1950.00 USDT (reference 2000.00000000, slippage 2.50%)")
                .contains("1.00000000 ETH x 1850.00000000 = 1850.00 USDT (reference 2000.00000000, slippage 7.50%)")
                .contains("Fetched (sum of values):       3800.00 USDT")
                .contains("+ Best-execution floor credit:   120.00 USDT")
                .contains("= Gross:                         3920.00 USDT")
                .contains("Debt covered = min(gross, debt): 3920.00 USDT")
                .contains("Shortfall = debt - debt covered: 80.00 USDT")
                .contains("80.00 USDT remain owed");
        awaitFeedEmail(events, "LIQUIDATION_RECEIPT", "SENT");

        kafka.republish(Topics.LIQUIDATION_EVENTS, completed);
        events.liquidationCompleted(); // a later sale of the same loan, same partition
        awaitEveryEmailSent(events, 2);
    }

    @Test
    void aNegativeBalanceComesWithTheOfferLadder() {
        Events events = new Events(kafka, "debt");
        events.contact();
        DebtEvents.DebtCaseOpened opened = EventJson.payload(events.debtCaseOpened());

        Mailbox.Email email = awaitEmails(events, 1).get(0);
        assertThat(email.subject()).isEqualTo("You owe 1000.00 USDT after your liquidation");
        assertThat(email.text())
                .contains("Pay 1000.00 USDT in full by 2026-12-06")
                .contains("3 monthly payments of 333.33 USDT (the last 333.34), the first due 2026-12-22")
                .contains("3. 2027-02-22: 333.34 USDT")
                .contains("6 monthly payments of 166.66 USDT (the last 166.70)")
                .contains("12 monthly payments of 83.33 USDT (the last 83.37)");
        awaitFeedEmail(events, "NEGATIVE_BALANCE", "SENT");
        assertThat(feed(events).get(0).get("body").toString()).contains("3 monthly payments of 333.33 USDT");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.NOTIFICATION_EVENTS,
                NotificationEvents.EmailSent.class, e -> e.borrowerId().equals(events.borrower)))
                .singleElement().satisfies(e -> {
                    assertThat(e.caseId()).isEqualTo(opened.caseId());
                    assertThat(e.loanId()).isEqualTo(events.loan);
                    assertThat(e.subject()).isEqualTo("You owe 1000.00 USDT after your liquidation");
                    assertThat(e.aboutEventType()).isEqualTo("DebtCaseOpened");
                }));
    }

    @Test
    void anEventForABorrowerWithoutAContactIsEmailedOnceTheContactArrives() {
        Events events = new Events(kafka, "late");
        events.marginCall(0);
        awaitFeedEmail(events, "MARGIN_CALL", "PENDING");
        assertThat(Mailbox.of(events.address())).isEmpty();

        events.contact();
        assertThat(awaitEmails(events, 1).get(0).subject()).isEqualTo("Margin call on your BTC loan");
        awaitFeedEmail(events, "MARGIN_CALL", "SENT");
    }

    @Test
    void anUnusableAddressFailsAfterTheLastAttemptForOperatorsToSee() {
        Events events = new Events(kafka, "bad");
        events.contact("not an address");
        events.marginCall(0);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).singleElement()
                .satisfies(n -> assertThat(n.get("email")).isEqualTo(Map.of("status", "FAILED", "attempts", 5))));
        JsonPath failed = given().auth().oauth2(Tokens.operator()).get("/api/deliveries?status=FAILED&size=100")
                .then().statusCode(200).extract().jsonPath();
        assertThat(failed.getList("recipient")).contains(events.borrower);
        assertThat(failed.getList("status")).containsOnly("FAILED");
    }

    @Test
    void poisonRecordsGoToTheDlqAndTheNextRecordIsStillApplied() {
        Events events = new Events(kafka, "poison");
        events.contact();
        String poison = "{\"this is\": \"not an envelope\"";
        kafka.sendRaw(Topics.DEBT_EVENTS, events.borrower, poison);
        EventEnvelope wrong = events.liquidationCompletedWrongly();
        events.liquidationCompleted();

        Mailbox.Email email = awaitEmails(events, 1).get(0);
        assertThat(email.subject()).contains("80.00");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kafka.records(Topics.dlq(Topics.DEBT_EVENTS))).anySatisfy(r -> {
                assertThat(r.value()).isEqualTo(poison);
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("not an event envelope");
            });
            assertThat(kafka.records(Topics.dlq(Topics.LIQUIDATION_EVENTS))).anySatisfy(r -> {
                assertThat(r.value()).contains(wrong.eventId().toString());
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("does not add up");
            });
        });
        assertThat(feed(events)).hasSize(1);
    }

    @Test
    void sentEmailsAreCounted() {
        Events events = new Events(kafka, "metrics");
        events.contact();
        events.zone("GREEN", "ORANGE");
        awaitEmails(events, 1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("shortfall_emails_sent_total\\{[^}]*type=\"ORANGE_WARNING\"[^}]*} [1-9]");
    }
}
