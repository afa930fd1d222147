package io.shortfall.loan.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.EventEnvelope;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row whose envelope is larger than the broker takes (over 1 MB: what an unbounded text field could once make)
 * is committed in the outbox between ordinary rows of the same key and of another. The relay parks it with the
 * broker's reason, counts it, and publishes every other row, in order, once: one bad row never holds up a topic.
 */
@QuarkusTest
class OversizedOutboxRowTest {

    private static final int OVER_THE_LIMIT = 1_100_000;              // Kafka's default max.request.size: 1,048,576

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Test
    void aRowTooLargeForTheBrokerIsParkedWithItsReasonAndTheRowsAfterItFlowInOrder() throws Exception {
        BigDecimal parkedBefore = Metrics.value("shortfall_outbox_parked_total");
        String topic = "relay-test." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String otherKey = UUID.randomUUID().toString();
        UUID before = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        UUID sameKeyAfter = UUID.randomUUID();
        UUID otherKeyAfter = UUID.randomUUID();
        UUID sameKeyLast = UUID.randomUUID();

        try (Connection db = database()) {
            db.setAutoCommit(false);                                     // one transaction, as a service's change
            insert(db, before, topic, key, "small");
            insert(db, big, topic, key, "x".repeat(OVER_THE_LIMIT));
            insert(db, sameKeyAfter, topic, key, "small");
            insert(db, otherKeyAfter, topic, otherKey, "small");
            insert(db, sameKeyLast, topic, key, "small");
            db.commit();
        }

        await("the rows after the big one are published").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> published(sameKeyLast) && published(otherKeyAfter));
        Parked parked = parked(big);
        assertThat(parked.at()).as("parked_at of the big row").isNotNull();
        assertThat(parked.reason()).as("park_reason").contains("RecordTooLargeException")
                .contains("max.request.size");
        assertThat(published(big)).as("the big row is not marked published").isFalse();

        List<ConsumerRecord<String, String>> records = kafka.records(topic);
        List<String> order = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            order.add(KafkaProbe.header(r, EventEnvelope.HEADER_EVENT_ID));
        }
        assertThat(order).as("event ids on the topic, in order, each once").containsExactly(before.toString(),
                sameKeyAfter.toString(), otherKeyAfter.toString(), sameKeyLast.toString());

        // Parked once, not tried again: the counter moved by one and stays there over the next rounds.
        await("the parked counter").atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.value("shortfall_outbox_parked_total").subtract(parkedBefore).intValue() == 1);
        await("the parked-rows gauge (read every 2 s)").atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.value("shortfall_outbox_parked_rows").signum() > 0);
        insert(null, UUID.randomUUID(), topic, otherKey, "small");
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.records(topic).size() == 5);
        assertThat(Metrics.value("shortfall_outbox_parked_total").subtract(parkedBefore)).isEqualByComparingTo("1");
        assertThat(parked(big)).as("still parked, as it was").isEqualTo(parked);
        // A refused record is the row's problem, not the producer's: the service stays live and ready.
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private record Parked(OffsetDateTime at, String reason) {
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** An outbox row as {@code Outbox.publish} writes it: an envelope carrying {@code note}. */
    private static void insert(Connection into, UUID eventId, String topic, String key, String note)
            throws SQLException {
        String envelope = "{\"eventId\":\"" + eventId + "\",\"type\":\"RelayTest\",\"version\":1,\"source\":\"test\","
                + "\"aggregateId\":\"" + key + "\",\"payload\":{\"note\":\"" + note + "\"}}";
        try (Connection own = into == null ? database() : null) {
            Connection db = into == null ? own : into;
            try (PreparedStatement insert = db.prepareStatement("insert into outbox (event_id, topic, message_key, "
                    + "type, envelope, created_at) values (?, ?, ?, 'RelayTest', ?, now())")) {
                insert.setObject(1, eventId);
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, envelope);
                insert.executeUpdate();
            }
        }
    }

    private static boolean published(UUID eventId) throws SQLException {
        try (Connection db = database(); PreparedStatement q = db.prepareStatement(
                "select published_at is not null from outbox where event_id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static Parked parked(UUID eventId) throws SQLException {
        try (Connection db = database(); PreparedStatement q = db.prepareStatement(
                "select parked_at, park_reason from outbox where event_id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new Parked(r.getObject(1, OffsetDateTime.class), r.getString(2));
            }
        }
    }
}
