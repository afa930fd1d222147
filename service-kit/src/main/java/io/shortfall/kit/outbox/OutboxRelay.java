package io.shortfall.kit.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.events.EventEnvelope;
import io.shortfall.kit.jobs.PeriodicJob;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Publishes outbox rows in id order and marks them published once the broker has acknowledged them.
 * One relay of a service publishes at a time (a transaction-scoped advisory lock): with several replicas,
 * rows are still published in commit order, so one aggregate's events keep their order (EVENTS.md). A crash
 * between the acknowledgement and the commit publishes a row again, which consumers absorb (delivery is at
 * least once, effects exactly once).
 */
@ApplicationScoped
public class OutboxRelay {

    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    /** The advisory lock key of the relay ("outbox" in ASCII), per database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private PeriodicJob job;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, Vertx vertx, Clock clock,
                       @ConfigProperty(name = "shortfall.outbox.interval", defaultValue = "PT0.1S") Duration interval,
                       @ConfigProperty(name = "shortfall.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.emitter = emitter;
        this.vertx = vertx;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, interval, "outbox relay", this::relayOnce);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public Uni<Integer> relayOnce() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", RELAY_LOCK)
                .getSingleResult()
                .chain(mine -> !mine ? Uni.createFrom().item(0) : session
                        .createNativeQuery("select * from outbox where published_at is null order by id limit :batch",
                                OutboxMessage.class)
                        .setParameter("batch", batchSize)
                        .getResultList()
                        .chain(batch -> publish(batch, context)))));
    }

    private Uni<Integer> publish(List<OutboxMessage> batch, Context context) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .map(acked -> {
                    var now = clock.instant();
                    batch.forEach(message -> message.publishedAt = now);
                    return batch.size();
                });
    }

    private Uni<Void> send(OutboxMessage message) {
        var headers = new RecordHeaders()
                .add(EventEnvelope.HEADER_EVENT_ID, message.eventId.toString().getBytes(StandardCharsets.UTF_8))
                .add(EventEnvelope.HEADER_TYPE, message.type.getBytes(StandardCharsets.UTF_8));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.messageKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(message.envelope).addMetadata(metadata));
    }
}
