package io.shortfall.kit.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes what the kit's tables no longer need, so they do not grow forever. Durations are ISO-8601; the defaults
 * are here, as the relay's ({@code shortfall.outbox.*}), not in the kit's {@code microprofile-config.properties}:
 * loan-, margin- and liquidation-service map the whole {@code shortfall} prefix ({@code @ConfigMapping}) and
 * refuse to start on a property of a file under it that they do not know. Set them in the environment
 * ({@code SHORTFALL_RETENTION_OUTBOX=P14D}, ...), or in {@code application.properties} of a service whose mapping
 * is narrower (debt-collection, notification).
 * <ul>
 *     <li>{@code outbox} rows published more than {@code shortfall.retention.outbox} ago (7 days: time to look at
 *     what was sent). Unpublished rows are never deleted, nor parked ones (those wait for an operator).</li>
 *     <li>{@code processed_event} rows older than {@code shortfall.retention.processed-events} (45 days). They
 *     make consumers idempotent, so they must outlive any redelivery: longer than the longest retention of a
 *     topic a service reads (30 days: {@code liquidation.events} and the dead-letter topics, see k8s/README.md),
 *     or a consumer rewound to the start of a topic would apply an event again.</li>
 *     <li>{@code idempotency_key} rows older than {@code shortfall.retention.idempotency-keys} (7 days, from
 *     {@code created_at}, the first answer): a client retrying a request later than that with the same key is
 *     treated as a new request.</li>
 * </ul>
 * Every {@code shortfall.retention.interval} (10 minutes) a round deletes up to {@code shortfall.retention.batch-size}
 * rows of each table, each table's batch in its own short transaction, found through an index on its timestamp
 * (kit migration V0_3); a round that filled a batch is followed by another at once, until nothing is left. Rows
 * deleted are counted in {@code shortfall.retention.deleted{table=...}} and each round that deleted something logs
 * a line.
 * <p>
 * One replica deletes at a time: each batch takes a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock},
 * like the relay's) and a replica that does not get it skips the batch. Not needed for correctness (the deletes are
 * idempotent: a row another replica already deleted is not counted twice), it only spares the replicas waiting on
 * each other's row locks.
 */
@ApplicationScoped
public class Retention {

    /** The advisory lock key of the retention job ("retain" in ASCII), per database. */
    private static final long RETENTION_LOCK = 0x72657461696eL;

    /** One table's rule: the deletion of up to {@code :batch} rows older than {@code :before}. */
    private record Rule(String table, Duration keep, String delete) {
    }

    private final Vertx vertx;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final List<Rule> rules;
    private final Map<String, Counter> deleted = new LinkedHashMap<>();
    private PeriodicJob job;

    public Retention(Vertx vertx, Clock clock, MeterRegistry metrics,
                     @ConfigProperty(name = "shortfall.retention.interval", defaultValue = "PT10M") Duration interval,
                     @ConfigProperty(name = "shortfall.retention.batch-size", defaultValue = "1000") int batchSize,
                     @ConfigProperty(name = "shortfall.retention.outbox", defaultValue = "P7D") Duration outbox,
                     @ConfigProperty(name = "shortfall.retention.processed-events", defaultValue = "P45D") Duration processedEvents,
                     @ConfigProperty(name = "shortfall.retention.idempotency-keys", defaultValue = "P7D") Duration idempotencyKeys) {
        this.vertx = vertx;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.rules = List.of(
                new Rule("outbox", outbox, """
                        delete from outbox where id in (
                            select id from outbox
                            where published_at < :before and published_at is not null and parked_at is null
                            limit :batch)"""),
                new Rule("processed_event", processedEvents, """
                        delete from processed_event where (consumer, event_id) in (
                            select consumer, event_id from processed_event where processed_at < :before limit :batch)"""),
                new Rule("idempotency_key", idempotencyKeys, """
                        delete from idempotency_key where (caller, idem_key) in (
                            select caller, idem_key from idempotency_key where created_at < :before limit :batch)"""));
        for (Rule rule : rules) {
            deleted.put(rule.table(), Counter.builder("shortfall.retention.deleted").tag("table", rule.table())
                    .description("rows deleted by the retention job").register(metrics));
        }
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, interval, "retention", () -> round(batchSize)
                .map(counts -> counts.values().stream().anyMatch(n -> n >= batchSize)));
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /**
     * One round: up to {@code batch} rows of each table past its retention, each table in its own transaction.
     * Runs on a Vert.x context (the job's, or {@code VertxContextSupport.subscribeAndAwait} in a test).
     *
     * @return the rows deleted, per table
     */
    public Uni<Map<String, Long>> round(int batch) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Rule rule : rules) {
            all = all.chain(() -> delete(rule, batch).invoke(n -> counts.put(rule.table(), n))).replaceWithVoid();
        }
        return all.map(ignored -> {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                Log.infof("retention: deleted %s", counts);
            }
            return counts;
        });
    }

    private Uni<Long> delete(Rule rule, int batch) {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(rule.keep()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                        .setParameter("key", RETENTION_LOCK)
                        .getSingleResult()
                        .chain(mine -> !mine ? Uni.createFrom().item(0) : session.createNativeQuery(rule.delete())
                                .setParameter("before", before)
                                .setParameter("batch", batch)
                                .executeUpdate())))
                .map(Integer::longValue)
                .invoke(n -> deleted.get(rule.table()).increment(n));
    }
}
