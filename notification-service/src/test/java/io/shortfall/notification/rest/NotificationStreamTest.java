package io.shortfall.notification.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.notification.Events;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/notifications/stream: a connected client hears of its own notification as it happens, and only of its own. */
@QuarkusTest
class NotificationStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @TestHTTPResource("/api/notifications/stream")
    URI stream;

    /** A client of the stream: every line it received so far. */
    private final class Listener implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile Stream<String> body;

        Listener(String token) {
            HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build();
            HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                lines.add("status:" + response.statusCode());
                body = response.body();
                Thread reader = new Thread(() -> {
                    try {
                        body.forEach(lines::add);
                    } catch (java.io.UncheckedIOException closed) {
                        lines.add("closed");
                    }
                }, "sse-reader");
                reader.setDaemon(true);
                reader.start();
            });
        }

        void awaitReady() {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines).contains("status:200")
                    .anySatisfy(line -> assertThat(line).matches("event: ?ready")));
        }

        /** The data of the notification events (not of 'ready'). */
        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:") && line.contains("\"id\"")).toList();
        }

        @Override
        public void close() {
            if (body != null) {
                body.close();
            }
        }
    }

    @Test
    void aConnectedClientReceivesItsNotificationAsItHappensAndNoOneElsesNotification() {
        Events alice = new Events(kafka, "live-alice");
        Events bob = new Events(kafka, "live-bob");
        try (Listener hers = new Listener(Tokens.borrower(alice.borrower));
             Listener his = new Listener(Tokens.borrower(bob.borrower))) {
            hers.awaitReady();
            his.awaitReady();

            alice.contact();
            alice.marginCall(0);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(hers.data()).anySatisfy(data -> assertThat(data)
                    .contains("\"type\":\"MARGIN_CALL\"")
                    .contains("\"title\":\"Margin call on your BTC loan\"")
                    .contains("LTV 81.25% at 48000.00000000 USDT per BTC")
                    .contains("\"read\":false")));
            assertThat(hers.lines).anySatisfy(line -> assertThat(line).matches("event: ?notification"));
            String id = given().auth().oauth2(Tokens.borrower(alice.borrower)).get("/api/notifications").then()
                    .statusCode(200).extract().jsonPath().getString("[0].id");
            assertThat(hers.data()).anySatisfy(data -> assertThat(data).contains("\"id\":\"" + id + "\""));

            // Bob's own notification reaches him, and Alice's never did.
            bob.contact();
            bob.zone("GREEN", "ORANGE");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(his.data()).singleElement()
                    .satisfies(data -> assertThat(data).contains("\"type\":\"ORANGE_WARNING\"")));
            assertThat(hers.data()).noneSatisfy(data -> assertThat(data).contains("ORANGE_WARNING"));
            // An idle stream is kept alive by comments (every second in tests).
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(his.lines)
                    .anySatisfy(line -> assertThat(line).matches(": ?keep-alive")));
        }
    }

    @Test
    void aGermanSpeakingClientHearsInGerman() {
        Events carla = new Events(kafka, "live-carla");
        given().auth().oauth2(Tokens.borrower(carla.borrower)).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"locale\": \"de\"}").put("/api/preferences").then().statusCode(200);
        try (Listener hers = new Listener(Tokens.borrower(carla.borrower))) {
            hers.awaitReady();
            carla.contact();
            carla.marginCall(0);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(hers.data()).anySatisfy(data -> assertThat(data)
                    .contains("\"title\":\"Nachschussaufforderung für Ihren BTC-Kredit\"")
                    .contains("LTV 81.25 % bei 48000.00000000 USDT je BTC")));
        }
    }

    @Test
    void theStreamIsForBorrowersOnly() {
        given().get("/api/notifications/stream").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/notifications/stream").then().statusCode(403);
    }
}
