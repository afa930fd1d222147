package io.shortfall.debt.retention;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shortfall.kit.retention.Retention;
import io.shortfall.testing.Metrics;
import io.shortfall.testing.TestClock;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's retention job (io.shortfall.kit.retention.Retention) against this service's database: rows past their
 * retention are deleted in batches and counted, the others kept; unpublished and parked outbox rows never go.
 * Rows are written with timestamps relative to the service's clock, and the clock is moved to age them.
 */
@QuarkusTest
class RetentionTest {

    /** The outbox relay's advisory lock: held by this test so the relay leaves its unpublished row alone. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final List<String> TABLES = List.of("outbox", "processed_event", "idempotency_key");

    @Inject
    Retention retention;

    @Inject
    TestClock clock;

    private static Connection database() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void rowsPastTheirRetentionAreDeletedInBatchesAndCounted() throws Throwable {
        try (Connection db = database()) {
            execute(db, "select pg_advisory_lock(" + RELAY_LOCK + ")");
            try {
                Instant now = clock.instant();
                // outbox (7 days after publication): published 8 days ago goes, 6 days ago stays; never published or
                // parked stays whatever its age
                long publishedLongAgo = outbox(db, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)), null);
                long publishedLongAgoToo = outbox(db, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)), null);
                long publishedRecently = outbox(db, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)), null);
                long unpublished = outbox(db, now.minus(Duration.ofDays(60)), null, null);
                long parked = outbox(db, now.minus(Duration.ofDays(60)), null, now.minus(Duration.ofDays(59)));
                // processed events (45 days)
                UUID processedLongAgo = processed(db, now.minus(Duration.ofDays(46)));
                UUID processedLongAgoToo = processed(db, now.minus(Duration.ofDays(50)));
                UUID processedRecently = processed(db, now.minus(Duration.ofDays(44)));
                // idempotency keys (7 days)
                String keyLongAgo = idempotencyKey(db, now.minus(Duration.ofDays(8)));
                String keyLongAgoToo = idempotencyKey(db, now.minus(Duration.ofDays(30)));
                String keyRecently = idempotencyKey(db, now.minus(Duration.ofDays(6)));

                Map<String, Long> due = Map.of(
                        "outbox", count(db, "select count(*) from outbox where published_at < ? and parked_at is null",
                                now.minus(Duration.ofDays(7))),
                        "processed_event", count(db, "select count(*) from processed_event where processed_at < ?",
                                now.minus(Duration.ofDays(45))),
                        "idempotency_key", count(db, "select count(*) from idempotency_key where created_at < ?",
                                now.minus(Duration.ofDays(7))));
                assertThat(due.values()).allMatch(n -> n >= 2);
                Map<String, BigDecimal> countedBefore = counted();

                // batches of 1: at least two rounds until a round deletes nothing
                Rounds rounds = purge(1);
                assertThat(rounds.deleted()).isEqualTo(due);
                assertThat(rounds.rounds()).isGreaterThanOrEqualTo(3);
                Map<String, BigDecimal> countedAfter = counted();
                for (String table : TABLES) {
                    assertThat(countedAfter.get(table).subtract(countedBefore.get(table)))
                            .as("shortfall.retention.deleted{table=%s}", table)
                            .isEqualByComparingTo(BigDecimal.valueOf(due.get(table)));
                }

                assertThat(outboxLeft(db, List.of(publishedLongAgo, publishedLongAgoToo, publishedRecently, unpublished,
                        parked))).containsExactlyInAnyOrder(publishedRecently, unpublished, parked);
                assertThat(exists(db, "processed_event", "event_id", processedLongAgo)).isFalse();
                assertThat(exists(db, "processed_event", "event_id", processedLongAgoToo)).isFalse();
                assertThat(exists(db, "processed_event", "event_id", processedRecently)).isTrue();
                assertThat(exists(db, "idempotency_key", "idem_key", keyLongAgo)).isFalse();
                assertThat(exists(db, "idempotency_key", "idem_key", keyLongAgoToo)).isFalse();
                assertThat(exists(db, "idempotency_key", "idem_key", keyRecently)).isTrue();

                // two days later, the recent ones are past their retention too
                clock.advance(Duration.ofDays(2));
                try {
                    purge(1000);
                } finally {
                    clock.reset();
                }
                assertThat(outboxLeft(db, List.of(publishedRecently, unpublished, parked)))
                        .containsExactlyInAnyOrder(unpublished, parked);
                assertThat(exists(db, "processed_event", "event_id", processedRecently)).isFalse();
                assertThat(exists(db, "idempotency_key", "idem_key", keyRecently)).isFalse();

                execute(db, "delete from outbox where id in (" + unpublished + ", " + parked + ")");
            } finally {
                execute(db, "select pg_advisory_unlock(" + RELAY_LOCK + ")");
            }
        }
    }

    private record Rounds(int rounds, Map<String, Long> deleted) {
    }

    /** Rounds of the job until one deletes nothing. */
    private Rounds purge(int batch) throws Throwable {
        Map<String, Long> total = new HashMap<>();
        TABLES.forEach(t -> total.put(t, 0L));
        for (int round = 1; ; round++) {
            Map<String, Long> deleted = VertxContextSupport.subscribeAndAwait(() -> retention.round(batch));
            assertThat(deleted.values()).allMatch(n -> n <= batch);
            deleted.forEach((table, n) -> total.merge(table, n, Long::sum));
            if (deleted.values().stream().allMatch(n -> n == 0)) {
                return new Rounds(round, total);
            }
            assertThat(round).as("rounds").isLessThan(10_000);
        }
    }

    private static Map<String, BigDecimal> counted() {
        Map<String, BigDecimal> counted = new HashMap<>();
        for (String table : TABLES) {
            counted.put(table, Metrics.value("shortfall_retention_deleted_total", "table", table));
        }
        return counted;
    }

    private static long outbox(Connection db, Instant created, Instant published, Instant parked) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into outbox (event_id, topic, message_key, type, envelope, created_at, published_at, parked_at,
                                    park_reason)
                values (?, 'shortfall.retention-test', 'key', 'RetentionTest', '{}', ?, ?, ?, ?) returning id""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, at(created));
            insert.setObject(3, published == null ? null : at(published));
            insert.setObject(4, parked == null ? null : at(parked));
            insert.setString(5, parked == null ? null : "RetentionTest");
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static UUID processed(Connection db, Instant at) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into processed_event (consumer, event_id, type, processed_at) values ('retention-test', ?, 'T', ?)")) {
            insert.setObject(1, eventId);
            insert.setObject(2, at(at));
            insert.executeUpdate();
        }
        return eventId;
    }

    private static String idempotencyKey(Connection db, Instant at) throws SQLException {
        String key = UUID.randomUUID().toString();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into idempotency_key (caller, idem_key, request_hash, response_status, created_at)
                values ('retention-test', ?, 'hash', 201, ?)""")) {
            insert.setString(1, key);
            insert.setObject(2, at(at));
            insert.executeUpdate();
        }
        return key;
    }

    private static long count(Connection db, String sql, Instant before) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, at(before));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> outboxLeft(Connection db, List<Long> ids) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select id from outbox where id = any (?)")) {
            query.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            List<Long> left = new java.util.ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    left.add(rs.getLong(1));
                }
            }
            return left;
        }
    }

    private static boolean exists(Connection db, String table, String column, Object value) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from " + table + " where " + column + " = ?")) {
            query.setObject(1, value);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
