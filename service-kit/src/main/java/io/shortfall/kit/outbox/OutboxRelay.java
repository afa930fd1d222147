package io.shortfall.kit.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.kit.jobs.PeriodicJob;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes outbox rows in id order and marks them published once the broker has acknowledged them. One relay
 * of a service publishes at a time (a transaction-scoped advisory lock): with several replicas, rows are still
 * published in commit order, so one aggregate's events keep their order. A crash between the acknowledgement and
 * the commit publishes a row again, which consumers absorb (delivery is at least once, effects exactly once).
 *
 * <p>A round takes up to {@code batch-size} rows and, while it finds a full batch, the next round follows at once;
 * a commit that wrote rows wakes it ({@link #wake()}), otherwise it looks every {@code interval}. A row the
 * broker refuses for good (too large, an invalid topic, unserializable: {@link #isRetriable}) is parked with its
 * reason ({@code parked_at}, {@code park_reason}, counted in {@code shortfall.outbox.parked}) and the others go on; any
 * other failure leaves the row to the next round. Gauges {@code shortfall.outbox.pending} (rows waiting) and
 * {@code shortfall.outbox.parked.rows} are read every 2 s.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Declares the channel whose producer (its {@code mp.messaging.outgoing.outbox.*} configuration) sends. */
    @SuppressWarnings("unused")
    private final MutinyEmitter<String> channel;
    private final KafkaClientService kafka;
    private volatile KafkaProducer<String, String> producer;
    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Counter parked;
    private final Counter published;
    /** The advisory lock key of the relay ("outbox" in ASCII), per database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /** Longer than the producer's delivery timeout ({@code delivery.timeout.ms}, 2 minutes by default). */
    private static final Duration ACKS_AT_MOST = Duration.ofMinutes(3);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private PeriodicJob job;
    private PeriodicJob gauges;
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong parkedRows = new java.util.concurrent.atomic.AtomicLong();

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> channel, KafkaClientService kafka, Pool pool, Vertx vertx, Clock clock,
                       MeterRegistry metrics,
                       @ConfigProperty(name = "shortfall.outbox.interval", defaultValue = "PT0.1S") Duration interval,
                       @ConfigProperty(name = "shortfall.outbox.batch-size", defaultValue = "1000") int batchSize) {
        this.channel = channel;
        this.kafka = kafka;
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.parked = metrics.counter("shortfall.outbox.parked");
        this.published = metrics.counter("shortfall.outbox.published");
        metrics.gauge("shortfall.outbox.pending", pending);
        metrics.gauge("shortfall.outbox.parked.rows", parkedRows);
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, interval, "outbox relay", () -> relayOnce().map(n -> n >= batchSize));
        gauges = PeriodicJob.every(vertx, Duration.ofSeconds(2), "outbox gauges", this::count).runNow();
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
        if (gauges != null) {
            gauges.stop();
        }
    }

    /** The rows waiting to be published and the rows parked, for the gauges. */
    private Uni<Void> count() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        select (select count(*) from outbox where published_at is null and parked_at is null),
                               (select count(*) from outbox where parked_at is not null)""", Object[].class)
                .getSingleResult()
                .invoke(row -> {
                    pending.set(((Number) row[0]).longValue());
                    parkedRows.set(((Number) row[1]).longValue());
                })))
                .replaceWithVoid();
    }

    /** Rows were committed: relay now rather than at the next interval. */
    public void wake() {
        if (job != null) {
            job.runNow();
        }
    }

    /** One row as read for publishing. */
    private record Row(long id, String eventId, String topic, String key, String type, String value, String headers) {
    }

    /** What became of one row: {@code failure} null when the broker acknowledged it. */
    private record Sent(Row row, Throwable failure) {
    }

    /** Publishes one batch; returns how many rows it took (published or parked). */
    public Uni<Integer> relayOnce() {
        Context context = Vertx.currentContext();
        return pool.withTransaction(connection -> connection.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(lock -> !lock.iterator().next().getBoolean(0) ? Uni.createFrom().item(0) : connection
                        .preparedQuery("""
                                select id, cast(event_id as text), topic, message_key, type, envelope, headers
                                from outbox where published_at is null and parked_at is null order by id limit $1""")
                        .execute(Tuple.of(batchSize))
                        .map(OutboxRelay::rows)
                        .chain(batch -> publish(connection, batch, context))));
    }

    private static List<Row> rows(RowSet<io.vertx.mutiny.sqlclient.Row> raw) {
        List<Row> rows = new ArrayList<>(raw.size());
        for (io.vertx.mutiny.sqlclient.Row r : raw) {
            rows.add(new Row(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getString(6)));
        }
        return rows;
    }

    /**
     * Sends the batch with the channel's Kafka producer, in id order, in one hop to its sending thread (each row a
     * plain {@code send} with a callback: no message, metadata and acknowledgement objects per row); then records
     * what became of each row.
     */
    private Uni<Integer> publish(SqlConnection connection, List<Row> batch, Context context) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        KafkaProducer<String, String> kafkaProducer = producer();
        if (kafkaProducer == null) {
            Log.warn("the outbox producer is not ready yet: the rows wait for the next round");
            return Uni.createFrom().item(0);
        }
        return kafkaProducer.runOnSendingThread(p -> {
                    List<CompletableFuture<Sent>> sends = new ArrayList<>(batch.size());
                    Throwable stopped = null;
                    for (Row row : batch) {
                        if (stopped != null) {
                            // The producer could not take a row (no metadata within max.block.ms: the broker is
                            // away): the rest waits for the next round instead of each waiting as long again.
                            sends.add(CompletableFuture.completedFuture(new Sent(row, stopped)));
                            continue;
                        }
                        CompletableFuture<Sent> sent = send(p, row);
                        Sent now = sent.getNow(null);
                        if (now != null && now.failure() != null && isRetriable(now.failure())) {
                            stopped = now.failure();
                        }
                        sends.add(sent);
                    }
                    return sends;
                })
                .chain(sends -> Uni.createFrom().completionStage(CompletableFuture.allOf(
                        sends.toArray(CompletableFuture[]::new)).thenApply(v -> sends.stream()
                        .map(CompletableFuture::join).toList())))
                // The producer answers every send within its delivery timeout (2 minutes); should it ever not, the
                // round fails (its transaction, and the advisory lock, are let go) and the rows go out again.
                .ifNoItem().after(ACKS_AT_MOST).failWith(() -> new IllegalStateException(
                        "the producer answered not every send of a round of " + batch.size() + " in " + ACKS_AT_MOST))
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .chain(outcomes -> record(connection, outcomes));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.getProducer("outbox");
        }
        return producer;
    }

    private Uni<Integer> record(SqlConnection connection, List<Sent> outcomes) {
        List<Long> done = new ArrayList<>();
        List<Sent> refused = new ArrayList<>();
        for (Sent sent : outcomes) {
            if (sent.failure() == null) {
                done.add(sent.row().id());
            } else if (isRetriable(sent.failure())) {
                Log.warnf("outbox row %d (%s on %s) not acknowledged, retried next round: %s", sent.row().id(),
                        sent.row().type(), sent.row().topic(), sent.failure().toString());
            } else {
                refused.add(sent);
            }
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Uni<Void> marked = done.isEmpty() ? Uni.createFrom().voidItem() : connection
                .preparedQuery("update outbox set published_at = $1 where id = any($2)")
                .execute(Tuple.of(now, done.toArray(Long[]::new)))
                .replaceWithVoid();
        for (Sent sent : refused) {
            String reason = sent.failure().toString();
            Log.errorf("outbox row %d (%s %s on %s) refused by the broker and parked: %s", sent.row().id(),
                    sent.row().type(), sent.row().eventId(), sent.row().topic(), reason);
            marked = marked.chain(() -> connection
                    .preparedQuery("update outbox set parked_at = $1, park_reason = $2 where id = $3")
                    .execute(Tuple.of(now, reason.length() > 2000 ? reason.substring(0, 2000) : reason,
                            sent.row().id()))
                    .replaceWithVoid());
        }
        return marked.invoke(() -> {
            published.increment(done.size());
            parked.increment(refused.size());
        }).replaceWith(done.size() + refused.size());
    }

    /**
     * Worth another try: anything but a refusal of the record itself. A record too large, for an invalid topic, that
     * cannot be serialized or whose stored headers cannot be read will never pass and is parked; anything else (the
     * broker or the network away, the producer closing as the service stops, an authorization being fixed) may pass
     * next round, so the row stays to be sent again rather than be set aside.
     */
    static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException
                    || t instanceof InvalidRecordException || t instanceof UnreadableHeaders) {
                return false;
            }
        }
        return true;
    }

    /** A row whose stored headers are not a JSON object of strings. */
    static final class UnreadableHeaders extends org.apache.kafka.common.KafkaException {
        UnreadableHeaders(String headers, Throwable cause) {
            super("unreadable headers " + headers, cause);
        }
    }

    /** Sends one row; the future completes with what became of it (never exceptionally). */
    private static CompletableFuture<Sent> send(Producer<String, String> producer, Row row) {
        CompletableFuture<Sent> sent = new CompletableFuture<>();
        try {
            producer.send(record(row), (metadata, failure) -> sent.complete(new Sent(row, failure)));
        } catch (RuntimeException e) {
            sent.complete(new Sent(row, e));
        }
        return sent;
    }

    private static ProducerRecord<String, String> record(Row row) {
        var headers = new RecordHeaders()
                .add(EventEnvelope.HEADER_EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8))
                .add(EventEnvelope.HEADER_TYPE, row.type().getBytes(StandardCharsets.UTF_8));
        if (row.headers() != null) {
            try {
                EventJson.mapper().readValue(row.headers(), HEADERS).forEach((name, value) ->
                        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new UnreadableHeaders(row.headers(), e);
            }
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.value(), headers);
    }
}
