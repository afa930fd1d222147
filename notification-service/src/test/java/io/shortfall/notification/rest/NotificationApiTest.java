package io.shortfall.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.notification.Events;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class NotificationApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    /** A borrower with two notifications (a warning, then a margin call); returns the newest one's id. */
    private String twoNotificationsFor(Events events) {
        events.contact();
        events.zone("GREEN", "ORANGE");
        events.marginCall(0);
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth()
                .oauth2(Tokens.borrower(events.borrower)).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().<String>getList("id"), ids -> ids.size() == 2).get(0);
    }

    @Test
    void aBorrowerReadsTheirFeedNewestFirstPageByPageAndMarksAnItemRead() {
        Events events = new Events(kafka, "feed");
        String token = Tokens.borrower(events.borrower);
        String newest = twoNotificationsFor(events);

        given().auth().oauth2(token).get("/api/notifications").then().statusCode(200)
                .body("type", equalTo(java.util.List.of("MARGIN_CALL", "ORANGE_WARNING")))
                .body("[0].id", equalTo(newest))
                .body("[0].title", equalTo("Margin call on your BTC loan"))
                .body("[0].body", equalTo("LTV 81.25% at 48000.00000000 USDT per BTC. Add 0.25000000 BTC or repay "
                        + "7800.00 USDT; at 46801.87207488 USDT per BTC the loan is liquidated."))
                .body("[0].createdAt", notNullValue())
                .body("read", everyItem(equalTo(false)))
                .body("email.status", everyItem(notNullValue()));
        given().auth().oauth2(token).get("/api/notifications?page=1&size=1").then().statusCode(200)
                .body("", hasSize(1)).body("[0].type", equalTo("ORANGE_WARNING"));

        given().auth().oauth2(token).post("/api/notifications/" + newest + "/read").then().statusCode(200)
                .body("id", equalTo(newest)).body("read", equalTo(true));
        given().auth().oauth2(token).post("/api/notifications/" + newest + "/read").then().statusCode(200)
                .body("read", equalTo(true));
        given().auth().oauth2(token).get("/api/notifications").then()
                .body("read", equalTo(java.util.List.of(true, false)));
    }

    @Test
    void aBorrowerSeesOnlyTheirOwnAndOnlyOperatorsSeeDeliveries() {
        Events alice = new Events(kafka, "alice");
        String hers = twoNotificationsFor(alice);
        String bob = Tokens.borrower("bob-" + UUID.randomUUID());

        given().get("/api/notifications").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience("account", alice.borrower, "borrower")).get("/api/notifications")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience(null, alice.borrower, "borrower")).get("/api/notifications").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(bob).get("/api/notifications").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(bob).post("/api/notifications/" + hers + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(bob).post("/api/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/api/notifications").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(bob).get("/api/deliveries").then().statusCode(403);
        given().get("/api/deliveries").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/deliveries?size=100").then().statusCode(200)
                .body("recipient", hasItem(alice.borrower));
        given().auth().oauth2(Tokens.operator()).get("/api/deliveries?status=SENT&size=100").then().statusCode(200)
                .body("status", everyItem(equalTo("SENT")));
    }

    @Test
    void badQueryParametersAreA400NamingTheField() {
        String token = Tokens.borrower("carol");
        given().auth().oauth2(token).get("/api/notifications?size=1000").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().auth().oauth2(token).get("/api/notifications?page=-1").then().statusCode(400)
                .body("violations.field", hasItem("page"));
        given().auth().oauth2(Tokens.operator()).get("/api/deliveries?status=LOST").then().statusCode(400)
                .body("violations.field", hasItem("status")).body("violations[0].in", equalTo("query"));
        given().auth().oauth2(token).post("/api/notifications/not-a-uuid/read").then().statusCode(404);
    }
}
