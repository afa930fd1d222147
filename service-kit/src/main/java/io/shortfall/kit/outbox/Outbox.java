package io.shortfall.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records events in the outbox table. Call it inside the transaction that makes the state change, so the
 * change and its events commit together or not at all; {@link OutboxRelay} publishes them afterwards.
 *
 * <p>Inside {@link #collecting(Supplier)} (a consumer's batch, a batch of margin decisions), rows are gathered and
 * written at its end with one insert, in the order they were published: the ids the
 * database gives them keep that order, and the relay publishes in id order. Elsewhere each row is inserted at once.
 */
@ApplicationScoped
public class Outbox {

    /** The header of a dead-lettered record that says why. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    private static final String BUFFER = Outbox.class.getName() + ".buffer";

    private final String source;
    private final Clock clock;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * One row to write, in the columns {@code (event_id, topic, message_key, type, envelope, headers, created_at)}.
     * {@code key} may be null (a dead record that had none); {@code headers} may be null.
     */
    public record Row(UUID eventId, String topic, String key, String type, String value, String headers,
                      Instant createdAt) {
    }

    /** Adds {@code payload} to the outbox for {@code topic}, keyed by its aggregate id. */
    public Uni<EventEnvelope> publish(String topic, EventPayload payload) {
        EventEnvelope envelope = EventJson.envelope(payload, source, clock.instant());
        return write(row(topic, envelope)).replaceWith(envelope);
    }

    /**
     * The row {@link #publish(String, EventPayload)} writes for {@code payload}, for a caller that must write it in a
     * statement of its own (one that changes something else in the same statement); the relay must then be woken.
     */
    public Row row(String topic, EventPayload payload) {
        return row(topic, EventJson.envelope(payload, source, clock.instant()));
    }

    private static Row row(String topic, EventEnvelope envelope) {
        return new Row(envelope.eventId(), topic, envelope.aggregateId(), envelope.type(), EventJson.write(envelope),
                null, envelope.occurredAt());
    }

    /**
     * Adds {@code payloads} to the outbox for {@code topic}, each keyed by its aggregate id, through
     * {@code connection} and inside the transaction the caller holds on it (a path that does not go through
     * Hibernate, such as margin-service's batches of decisions): one statement, the rows numbered in the order given.
     */
    public Uni<Void> publish(SqlConnection connection, String topic, List<? extends EventPayload> payloads) {
        if (payloads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = payloads.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] values = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        Instant now = clock.instant();
        for (int i = 0; i < n; i++) {
            EventEnvelope envelope = EventJson.envelope(payloads.get(i), source, now);
            ids[i] = envelope.eventId();
            keys[i] = envelope.aggregateId();
            types[i] = envelope.type();
            values[i] = EventJson.write(envelope);
            created[i] = OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC);
        }
        return connection.preparedQuery("""
                        insert into outbox (event_id, topic, message_key, type, envelope, created_at)
                        select e, $2, k, y, v, c
                        from unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                             with ordinality as u(e, k, y, v, c, n)
                        order by n""")
                .execute(Tuple.tuple().addArrayOfUUID(ids).addString(topic).addArrayOfString(keys).addArrayOfString(types)
                        .addArrayOfString(values).addArrayOfOffsetDateTime(created))
                .replaceWithVoid();
    }

    /**
     * Parks a record a consumer cannot apply in {@code dlqTopic}, as it came (key and value), with the reason in
     * the {@value #DEAD_LETTER_REASON} header and where it came from. {@code id} identifies it (the event id, or
     * one derived from the record's topic, partition and offset).
     */
    public Uni<Void> deadLetter(String dlqTopic, UUID id, String type, String key, String value,
                                Map<String, String> headers) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return write(new Row(id, dlqTopic, key, type == null ? "unknown" : type, value == null ? "" : value, json,
                clock.instant()));
    }

    /**
     * Runs {@code work} gathering the rows it publishes, then writes them (inside the caller's transaction, which
     * must enclose this call). Nested calls gather into the outer one.
     */
    public <T> Uni<T> collecting(Supplier<Uni<T>> work) {
        if (buffer().isPresent()) {
            return Uni.createFrom().deferred(work::get);
        }
        List<Row> rows = new ArrayList<>();
        ContextLocals.put(BUFFER, rows);
        return Uni.createFrom().deferred(work::get)
                .call(() -> {
                    ContextLocals.remove(BUFFER);
                    return insert(rows);
                })
                .onFailure().invoke(() -> ContextLocals.remove(BUFFER));
    }

    @SuppressWarnings("unchecked")
    private static Optional<List<Row>> buffer() {
        return ContextLocals.<Object>get(BUFFER).map(b -> (List<Row>) b);
    }

    private Uni<Void> write(Row row) {
        Optional<List<Row>> buffer = buffer();
        if (buffer.isPresent()) {
            buffer.get().add(row);
            return Uni.createFrom().voidItem();
        }
        return insert(List.of(row));
    }

    /** One statement, whatever the number of rows, numbered in the order given. */
    private static Uni<Void> insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] values = new String[n];
        String[] headers = new String[n];
        String[] created = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.eventId();
            topics[i] = row.topic();
            keys[i] = row.key();
            types[i] = row.type();
            values[i] = row.value();
            headers[i] = row.headers();
            created[i] = row.createdAt().toString();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("ids", ids)
                        .setParameter("topics", topics)
                        .setParameter("keys", keys)
                        .setParameter("types", types)
                        .setParameter("values", values)
                        .setParameter("headers", headers)
                        .setParameter("created", created)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static final String INSERT = """
            insert into outbox (event_id, topic, message_key, type, envelope, headers, created_at)
            select e, t, k, y, v, h, c
            from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:keys as text[]), cast(:types as text[]),
                        cast(:values as text[]), cast(:headers as text[]),
                        cast(cast(:created as text[]) as timestamptz[]))
                 with ordinality as u(e, t, k, y, v, h, c, n)
            order by n""";
}
