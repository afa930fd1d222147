package io.shortfall.notification.messaging;

import java.math.BigDecimal;
import io.shortfall.events.Topics;
import io.shortfall.events.DebtEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.notification.Events;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.TestClock;
import jakarta.inject.Inject;
import io.shortfall.notification.repository.DeliveryRepository;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quiet hours, the 7-in-7 cap and a cease request, end to end: events in through the broker, emails out through
 * the real SMTP server, time moved by the injectable clock. Margin calls are never held back.
 */
@QuarkusTest
class CollectionRulesFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void preferences(Events events, Map<String, Object> body) {
        given().auth().oauth2(Tokens.borrower(events.borrower)).contentType(ContentType.JSON).body(body)
                .put("/api/preferences").then().statusCode(200);
    }

    private static Map<String, Object> quietHours(LocalTime start, LocalTime end) {
        return quietHours(java.time.ZoneId.of("UTC"), start, end);
    }

    private static Map<String, Object> quietHours(java.time.ZoneId zone, LocalTime start, LocalTime end) {
        return Map.of("timeZone", zone.getId(), "quietHours", Map.of("start", start.toString(), "end", end.toString()));
    }

    /**
     * A zone where it is about noon now, on today's date in UTC (its offset is 12 h minus the hour in UTC): a test
     * that moves the clock an hour past quiet hours, or two days and an hour, lands on the local day it expects at
     * any time of the day it runs.
     */
    static java.time.ZoneId noonZone() {
        int offset = 12 - LocalTime.now(ZoneOffset.UTC).getHour();
        return java.time.ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    private static List<Map<String, Object>> feed(Events events) {
        return given().auth().oauth2(Tokens.borrower(events.borrower)).get("/api/notifications?size=100")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> deliveriesOf(Events events) {
        return given().auth().oauth2(Tokens.operator()).get("/api/deliveries?size=100").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(d -> events.borrower.equals(d.get("recipient"))).toList();
    }

    private static Map<String, Object> emailOf(Events events, String type) {
        return feed(events).stream().filter(n -> type.equals(n.get("type"))).findFirst().orElseThrow()
                .entrySet().stream().filter(e -> e.getKey().equals("email")).findFirst()
                .map(e -> (Map<String, Object>) e.getValue()).orElseThrow();
    }

    @Test
    void aReminderInQuietHoursIsDeferredToTheirEndAndSentThenWhileAMarginCallGoesAtOnce() {
        Events events = new Events(kafka, "quiet");
        java.time.ZoneId zone = noonZone();
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        preferences(events, quietHours(zone, now.minusHours(1), now.plusHours(1)));
        events.contact();
        events.due();
        events.marginCall(0);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                .extracting(Mailbox.Email::subject).containsExactly("Margin call on your BTC loan"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesOf(events))
                .filteredOn(d -> Boolean.TRUE.equals(d.get("collection"))).singleElement().satisfies(d -> {
                    assertThat(d.get("status")).isEqualTo("PENDING");
                    assertThat(d.get("holdReason").toString()).startsWith("quiet hours");
                    Instant due = Instant.parse(d.get("nextAttemptAt").toString());
                    assertThat(due.atZone(zone).toLocalTime()).isEqualTo(now.plusHours(1));
                    assertThat(due).isBetween(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
                }));
        assertThat(emailOf(events, "INSTALLMENT_DUE")).containsEntry("status", "PENDING");

        // Deferred, not dropped: once the quiet hours are over, it is sent.
        clock.advance(Duration.ofMinutes(61));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                .extracting(Mailbox.Email::subject)
                .containsExactly("Margin call on your BTC loan", "Installment 1 of 333.33 USDT is due today"));
        assertThat(emailOf(events, "INSTALLMENT_DUE")).containsEntry("status", "SENT");
    }

    @Test
    void aReminderHeldPastItsDueDateSaysHowLateItIsWhenSentNotWhatItsEventSaid() {
        Events events = new Events(kafka, "held-late");
        java.time.ZoneId zone = noonZone();
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        preferences(events, quietHours(zone, now.minusHours(1), now.plusHours(1)));
        events.contact();
        java.time.LocalDate today = Events.today();
        events.dueSoon(1); // due in 3 days
        events.due(); // due today

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesOf(events))
                .hasSize(2).allSatisfy(d -> assertThat(String.valueOf(d.get("holdReason"))).startsWith("quiet hours")));
        assertThat(Mailbox.of(events.address())).isEmpty();

        // Sent two days later (outside the quiet hours): the one due today is now 2 days overdue, the other due in 1.
        clock.advance(Duration.ofDays(2).plusMinutes(61));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(2));
        Map<String, Mailbox.Email> emails = Mailbox.of(events.address()).stream()
                .collect(java.util.stream.Collectors.toMap(Mailbox.Email::subject, e -> e));
        assertThat(emails.keySet()).containsExactlyInAnyOrder(
                "Installment 1 of 333.33 USDT is 2 days overdue",
                "Installment 1 of 333.33 USDT is due on " + today.plusDays(3));
        assertThat(emails.get("Installment 1 of 333.33 USDT is 2 days overdue").text())
                .contains("due on " + today + ", is 2 days overdue").contains("propose a new")
                .doesNotContain("due today");
        assertThat(emails.get("Installment 1 of 333.33 USDT is due on " + today.plusDays(3)).text())
                .contains("is due in 1 day, on " + today.plusDays(3)).doesNotContain("3 days");
    }

    @Test
    void atMostSevenCollectionEmailsInSevenDaysTheEighthWaitsForTheOldestToLeaveTheWindow() {
        Events events = new Events(kafka, "cap");
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        preferences(events, quietHours(now.plusHours(2), now.plusHours(3)));
        events.contact();
        for (int n = 1; n <= 8; n++) {
            events.dueSoon(n);
        }
        events.marginCall(0); // never counted, never held

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).hasSize(9));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(8));
        List<Map<String, Object>> held = deliveriesOf(events).stream()
                .filter(d -> "PENDING".equals(d.get("status"))).toList();
        assertThat(held).singleElement().satisfies(d -> {
            assertThat(d.get("holdReason").toString()).startsWith("7 collection emails in 7 days");
            assertThat(Instant.parse(d.get("nextAttemptAt").toString()))
                    .isAfter(Instant.now().plus(Duration.ofDays(6)));
        });
        assertThat(Mailbox.of(events.address())).extracting(Mailbox.Email::subject)
                .contains("Margin call on your BTC loan").hasSize(8);

        // A week later the oldest has left the window: the eighth goes (outside the quiet hours).
        clock.advance(Duration.ofDays(7).plusMinutes(5));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(9));
        assertThat(deliveriesOf(events)).extracting(d -> d.get("status")).containsOnly("SENT");
    }

    @Test
    void aCeaseRequestStopsCollectionEmailsButNotMarginCallsOrLegallyRequiredNotices() {
        Events events = new Events(kafka, "cease");
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> prefs = new java.util.HashMap<>(quietHours(now.plusHours(2), now.plusHours(3)));
        prefs.put("ceaseCollectionContact", true);
        preferences(events, prefs);
        events.contact();
        events.overdue(7);
        events.marginCall(0);
        events.paymentReceived();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).hasSize(3));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                .extracting(Mailbox.Email::subject).containsExactlyInAnyOrder("Margin call on your BTC loan",
                        "Payment of 333.33 USDT received"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailOf(events, "INSTALLMENT_OVERDUE"))
                .containsEntry("status", "SUPPRESSED"));
        assertThat(deliveriesOf(events)).filteredOn(d -> "SUPPRESSED".equals(d.get("status"))).singleElement()
                .satisfies(d -> assertThat(d.get("holdReason").toString()).contains("not to be contacted"));
        assertThat(Mailbox.of(events.address())).hasSize(2);
    }

    @Test
    void whileAnotherReplicaDecidesOnADebtorsCollectionEmailsTheyWaitAndOtherEmailsGoOn() throws Exception {
        Events events = new Events(kafka, "replica");
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        preferences(events, quietHours(now.plusHours(2), now.plusHours(3)));
        events.contact();
        Config config = ConfigProvider.getConfig();
        try (Connection otherReplica = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, DeliveryRepository.collectionLockKey(events.borrower));
                lock.execute();
            }
            events.due();
            events.paymentReceived(); // same case, same partition: consumed after the reminder, never held

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                    .extracting(Mailbox.Email::subject).containsExactly("Payment of 333.33 USDT received"));
            assertThat(emailOf(events, "INSTALLMENT_DUE")).containsEntry("status", "PENDING");
            otherReplica.commit(); // the other replica's round is over
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(2));
        assertThat(emailOf(events, "INSTALLMENT_DUE")).containsEntry("status", "SENT");
    }

    @Test
    void anEscalatedCaseIsToldOnceAndItsWaitingCollectionEmailsAreNeverSent() {
        Events events = new Events(kafka, "escalated");
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        preferences(events, quietHours(now.minusHours(1), now.plusHours(1)));
        events.contact();
        events.due();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailOf(events, "INSTALLMENT_DUE"))
                .containsEntry("status", "PENDING"));

        kafka.publish(Topics.DEBT_EVENTS, new DebtEvents.CaseEscalated(events.debtCase, events.borrower,
                "EXTERNAL_COLLECTION", "plan broken, no contact for 60 days", "agent", new BigDecimal("666.67")),
                "debt-collection-service");

        // The notice is not a collection email: quiet hours do not hold it.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                .extracting(Mailbox.Email::subject)
                .containsExactly("Your debt of 666.67 USDT was passed to a collection agency"));
        assertThat(Mailbox.of(events.address()).get(0).text())
                .contains("passed to an external collection agency")
                .contains("Reason:      plan broken, no contact for 60 days")
                .contains("we will not send you reminders about this debt");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesOf(events))
                .filteredOn(d -> Boolean.TRUE.equals(d.get("collection"))).singleElement().satisfies(d -> {
                    assertThat(d.get("status")).isEqualTo("SUPPRESSED");
                    assertThat(d.get("holdReason").toString()).startsWith("case escalated to EXTERNAL_COLLECTION");
                }));
        // Past the quiet hours, the reminder still never goes.
        clock.advance(Duration.ofMinutes(61));
        events.marginCall(0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(2));
        assertThat(Mailbox.of(events.address())).extracting(Mailbox.Email::subject)
                .doesNotContain("Installment 1 of 333.33 USDT is due today");
    }
}
