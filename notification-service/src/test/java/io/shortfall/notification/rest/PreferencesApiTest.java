package io.shortfall.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.Topics;
import io.shortfall.notification.Events;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PreferencesApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Test
    void withoutAChoiceThePreferencesAreTheContactsZoneAndLocaleAndTheDefaultQuietHours() {
        String stranger = Tokens.borrower("nobody-" + UUID.randomUUID());
        given().auth().oauth2(stranger).get("/api/preferences").then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("locale", equalTo("en"))
                .body("quietHours.start", equalTo("21:00")).body("quietHours.end", equalTo("08:00"))
                .body("ceaseCollectionContact", equalTo(false));

        Events events = new Events(kafka, "prefs");
        events.contact();
        String token = Tokens.borrower(events.borrower);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/preferences").then().statusCode(200).body("timeZone", equalTo("Europe/Paris")));
    }

    @Test
    void aBorrowerChangesTheirPreferencesAndOmittedFieldsKeepTheirValue() {
        String chooser = "chooser-" + UUID.randomUUID();
        String token = Tokens.borrower(chooser);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"timeZone": "America/New_York", "locale": "de-AT",
                         "quietHours": {"start": "20:30", "end": "09:00"}, "ceaseCollectionContact": true}""")
                .put("/api/preferences").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("locale", equalTo("de"))
                .body("quietHours.start", equalTo("20:30")).body("quietHours.end", equalTo("09:00"))
                .body("ceaseCollectionContact", equalTo(true));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"ceaseCollectionContact\": false}")
                .put("/api/preferences").then().statusCode(200);
        given().auth().oauth2(token).get("/api/preferences").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("locale", equalTo("de"))
                .body("quietHours.start", equalTo("20:30")).body("ceaseCollectionContact", equalTo(false));

        // The zone and language chosen are announced (debt-collection-service counts the debtor's days in that
        // zone too), once: the second change touched neither. A later change of the zone is announced again.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"timeZone\": \"America/Chicago\"}")
                .put("/api/preferences").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.payloads(
                Topics.NOTIFICATION_EVENTS, NotificationEvents.PreferencesChanged.class,
                e -> e.borrowerId().equals(chooser)))
                .extracting(NotificationEvents.PreferencesChanged::timeZone, NotificationEvents.PreferencesChanged::locale)
                .containsExactly(tuple("America/New_York", "de"), tuple("America/Chicago", "de")));
    }

    @Test
    void aZoneAndLocaleTheBorrowerDidNotChooseFollowTheirContactAsItChanges() {
        Events events = new Events(kafka, "follows");
        String token = Tokens.borrower(events.borrower);
        events.contact(events.address(), "en");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/preferences").then().statusCode(200).body("timeZone", equalTo("Europe/Paris")));
        // Only a cease request: the zone and the language are not chosen by it.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"ceaseCollectionContact\": true}")
                .put("/api/preferences").then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));

        events.contactIn("de-DE", "Asia/Tokyo"); // the borrower moved and changed their language in loan-service
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/preferences").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo")).body("locale", equalTo("de"))
                .body("ceaseCollectionContact", equalTo(true)));

        // A zone the borrower chooses stays theirs, whatever the contact says later.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"timeZone\": \"America/Chicago\"}")
                .put("/api/preferences").then().statusCode(200);
        events.contactIn("en", "Europe/Lisbon");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/preferences").then().statusCode(200).body("locale", equalTo("en")));
        given().auth().oauth2(token).get("/api/preferences").then().statusCode(200)
                .body("timeZone", equalTo("America/Chicago"));
    }

    @Test
    void badPreferencesAreA400NamingTheFieldAndOnlyBorrowersHaveThem() {
        String token = Tokens.borrower("bad-" + UUID.randomUUID());
        badField(token, "{\"timeZone\": \"Mars/Olympus\"}", "timeZone");
        badField(token, "{\"locale\": \"tlh\"}", "locale");
        badField(token, "{\"quietHours\": {\"start\": \"25:00\", \"end\": \"08:00\"}}", "quietHours.start");
        badField(token, "{\"quietHours\": {\"start\": \"21:00\"}}", "quietHours.end");
        badField(token, "{\"quietHours\": {\"start\": \"08:00\", \"end\": \"08:00\"}}", "quietHours.end");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"ceaseCollectionContact\": \"maybe\"}")
                .put("/api/preferences").then().statusCode(400).contentType("application/problem+json");
        // Nothing bad was stored.
        given().auth().oauth2(token).get("/api/preferences").then().statusCode(200).body("timeZone", equalTo("UTC"));

        given().get("/api/preferences").then().statusCode(401);
        given().auth().oauth2(Tokens.operator()).get("/api/preferences").then().statusCode(403);
    }

    private static void badField(String token, String body, String field) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/preferences").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }
}
