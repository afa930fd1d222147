package io.shortfall.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.notification.Events;
import io.shortfall.notification.Mailbox;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails the SMTP server accepted are recorded SENT together, and when that record fails because of one of
 * them (a row the database refuses) each is recorded alone: the others are not sent again.
 */
@QuarkusTest
class SentOnceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static Connection database() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void whenRecordingOneEmailOfARoundFailsTheOthersAreNotSentAgain() throws Exception {
        Events events = new Events(kafka, "sent-once");
        // Both emails wait for the contact, so the sender finds them due in the same round.
        events.zone("GREEN", "ORANGE");
        events.marginCall(0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.borrower(events.borrower))
                .get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(2));
        try (Connection db = database(); Statement sql = db.createStatement()) {
            // Recording the ORANGE warning as SENT fails, as a commit that never happens after the SMTP accepted it.
            sql.execute("""
                    create or replace function sent_once_test_fail() returns trigger language plpgsql as $$
                    begin
                        if new.status = 'SENT' and exists (select 1 from notification n where n.id = new.notification_id
                                and n.type = 'ORANGE_WARNING' and n.recipient = '%s') then
                            raise exception 'the commit of this email is lost';
                        end if;
                        return new;
                    end $$""".formatted(events.borrower));
            sql.execute("create trigger sent_once_test_fail before update on delivery for each row "
                    + "execute function sent_once_test_fail()");
            try {
                events.contact();
                // The warning is sent again every round (its record never commits) ...
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(Mailbox.of(events.address()))
                        .filteredOn(email -> email.subject().startsWith("Warning")).hasSizeGreaterThanOrEqualTo(3));
            } finally {
                sql.execute("drop trigger sent_once_test_fail on delivery");
                sql.execute("drop function sent_once_test_fail()");
            }
        }
        // ... while the margin call of the same rounds was sent once.
        assertThat(Mailbox.of(events.address())).filteredOn(email -> email.subject().startsWith("Margin call"))
                .hasSize(1);
        // Without the failure the warning's record commits: nothing of this test stays due for the others.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.borrower(events.borrower))
                .get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("email.status"))
                .containsOnly("SENT"));
    }
}
