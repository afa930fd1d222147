package io.shortfall.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shortfall.notification.Events;
import io.shortfall.notification.GreenMailTestResource;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The SMTP server goes away: the email is retried with backoff, then FAILED; an operator's retry sends it. */
@QuarkusTest
class SmtpOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static List<Map<String, Object>> feed(Events events) {
        return given().auth().oauth2(Tokens.borrower(events.borrower)).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void anSmtpOutageEndsInFailedAndTheOperatorsRetrySendsTheEmail() {
        Events events = new Events(kafka, "outage");
        events.contact();
        String deliveryId;
        GreenMailTestResource.stopServer();
        try {
            events.marginCall(0);
            // Every attempt fails (connection refused); after the 5th the email is FAILED.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).singleElement().satisfies(n ->
                    assertThat(n.get("email")).isEqualTo(Map.of("status", "FAILED", "attempts", 5))));
            JsonPath failed = given().auth().oauth2(Tokens.operator())
                    .get("/api/deliveries?status=FAILED&size=100").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> mine = failed.<Map<String, Object>>getList("$").stream()
                    .filter(d -> events.borrower.equals(d.get("recipient"))).toList();
            assertThat(mine).singleElement().satisfies(d -> {
                assertThat(d.get("status")).isEqualTo("FAILED");
                assertThat(d.get("attempts")).isEqualTo(5);
                assertThat(d.get("lastError")).isNotNull();
                assertThat(d.get("sentAt")).isNull();
            });
            deliveryId = mine.get(0).get("id").toString();
        } finally {
            GreenMailTestResource.startServer();
        }
        assertThat(Mailbox.of(events.address())).isEmpty();

        given().auth().oauth2(Tokens.borrower(events.borrower)).post("/api/deliveries/" + deliveryId + "/retry")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).post("/api/deliveries/" + deliveryId + "/retry").then()
                .statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("Margin call on your BTC loan")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(events)).singleElement().satisfies(n ->
                assertThat(n.get("email")).isEqualTo(Map.of("status", "SENT", "attempts", 0))));

        // Sent: another retry is refused; an unknown one is a 404.
        given().auth().oauth2(Tokens.operator()).post("/api/deliveries/" + deliveryId + "/retry").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).post("/api/deliveries/" + UUID.randomUUID() + "/retry").then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(Mailbox.of(events.address())).hasSize(1);
    }
}
