package io.shortfall.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.notification.Events;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A borrower reads a crash's emails in the order it happened: the margin call comes on {@code margin.events} and
 * the liquidation notice that followed it on {@code loan.events}, two topics consumed separately, so the second may
 * arrive first.
 */
@QuarkusTest
class EmailOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Test
    void emailsOfOnePriorityGoOutInTheOrderTheirEventsOccurredNotTheOrderTheyArrived() {
        Events events = new Events(kafka, "order");
        Instant call = Instant.now().minusSeconds(5);
        // The liquidation notice arrives first; both wait for the contact, so the sender finds them due together.
        events.liquidationStartedOccurred(call.plusSeconds(1));
        awaitFeedItems(events, 1);
        events.marginCallOccurred(call);
        awaitFeedItems(events, 2);
        events.contact();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address())).hasSize(2));
        assertThat(Mailbox.of(events.address())).extracting(Mailbox.Email::subject)
                .containsExactly("Margin call on your BTC loan", "Your ETH loan is being liquidated");
    }

    private static void awaitFeedItems(Events events, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.borrower(events.borrower))
                .get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(count));
    }
}
