package io.shortfall.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.MalformedEventException;
import io.shortfall.events.Topics;
import io.shortfall.kit.inbox.Inbox;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.outbox.OutboxRelay;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * How every consumer applies what it polled: a batch of records in one transaction. It records the batch in the
 * inbox (one statement: a repeat of an event already applied is skipped), lets the handler load what the batch
 * needs at once ({@link Handler#prepare}), applies each new record in order, writes the events they publish with
 * one insert ({@link Outbox#collecting}), and commits; then it hands what each effect emitted to
 * {@link Handler#afterCommit} and wakes the outbox relay.
 *
 * <p>Failures ({@link Failures}): a record that can never be applied (not an envelope, an unknown type, a bad
 * payload, a {@link PoisonEventException}, a database data or integrity error) is parked in
 * {@code <topic>.dlq} through the outbox, with the reason in the {@value Outbox#DEAD_LETTER_REASON} header,
 * exactly once; the records before it and after it are applied as usual. A lost race or a deadlock is retried
 * with backoff, and what still fails is applied record by record, so only the record that cannot pass is parked.
 * While the database is out of reach the batch waits, for as long as it takes: nothing is parked for it. The
 * consumer's offsets are committed only once the whole batch has been applied or parked.
 */
@ApplicationScoped
public class EventProcessor {

    /**
     * What a consumer does with its records. {@code T} is what an effect emits for after the commit. A lambda is
     * the effect alone.
     */
    @FunctionalInterface
    public interface Handler<T> {

        /**
         * Inside the transaction, before the effects: load at once what the new records of the batch concern
         * (e.g. every aggregate they name, locked), so each effect finds it in the session.
         */
        default Uni<Void> prepare(List<EventEnvelope> batch) {
            return Uni.createFrom().voidItem();
        }

        /** The effect of one new record, inside the transaction; a type of no interest emits null. */
        Uni<T> apply(EventEnvelope envelope);

        /** Inside the transaction, after the effects: write what they gathered for the whole batch. */
        default Uni<Void> beforeCommit() {
            return Uni.createFrom().voidItem();
        }

        /**
         * Once the transaction has committed, each non-null item the effects emitted: for what must happen only if
         * the effect took hold (a metric counted once). Its failure is logged, never a failure of the record.
         */
        default void afterCommit(T emitted) {
        }
    }

    /** One polled record, read as an envelope or found malformed. */
    private record Item(String topic, int partition, long offset, String key, String value, EventEnvelope envelope,
                        String malformed) {

        static Item of(String topic, int partition, long offset, String key, String value) {
            try {
                return new Item(topic, partition, offset, key, value, EventJson.read(value), null);
            } catch (MalformedEventException e) {
                return new Item(topic, partition, offset, key, value, null, e.getMessage());
            }
        }

        /** The event id, or for a malformed record one derived from where it is, so it is parked once. */
        UUID id() {
            return envelope != null ? envelope.eventId()
                    : UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        }

        String type() {
            return envelope != null ? envelope.type() : "malformed";
        }

        @Override
        public String toString() {
            return (envelope != null ? envelope.type() + " " + envelope.eventId() : "malformed record") + " ("
                    + topic + "-" + partition + "@" + offset + ")";
        }
    }

    /** The effect of the record at {@code index} of the batch can never apply. */
    private static final class PoisonAt extends RuntimeException {
        final int index;

        PoisonAt(int index, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }

    private final Inbox inbox;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final MeterRegistry metrics;
    private final int retries;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public EventProcessor(Inbox inbox, Outbox outbox, OutboxRelay relay, Vertx vertx, MeterRegistry metrics,
                          @ConfigProperty(name = "shortfall.consumer.retries", defaultValue = "8") int retries,
                          @ConfigProperty(name = "shortfall.consumer.first-backoff", defaultValue = "PT0.1S")
                          Duration firstBackoff,
                          @ConfigProperty(name = "shortfall.consumer.max-backoff", defaultValue = "PT5S")
                          Duration maxBackoff) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.relay = relay;
        this.vertx = vertx;
        this.metrics = metrics;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Applies a polled batch once for {@code consumer} (e.g. {@code loan-service.margin.events}). Timed in
     * {@code shortfall.consumer.batches} (tag {@code consumer}: count, total and maximum time) and
     * {@code shortfall.consumer.records}; a batch slower than a second is logged.
     */
    public <T> Uni<Void> process(String consumer, ConsumerRecords<String, String> records, Handler<T> handler) {
        List<Item> items = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            items.add(Item.of(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
        }
        Context context = Vertx.currentContext();
        long start = System.nanoTime();
        return apply(consumer, items, handler, context).invoke(() -> {
            long nanos = System.nanoTime() - start;
            metrics.timer("shortfall.consumer.batches", "consumer", consumer).record(nanos, TimeUnit.NANOSECONDS);
            metrics.counter("shortfall.consumer.records", "consumer", consumer).increment(items.size());
            if (nanos > 1_000_000_000L) {
                Log.infof("%s: a batch of %d records took %d ms", consumer, items.size(), nanos / 1_000_000);
            } else {
                Log.debugf("%s: a batch of %d records took %d ms", consumer, items.size(), nanos / 1_000_000);
            }
        });
    }

    private <T> Uni<Void> apply(String consumer, List<Item> items, Handler<T> handler, Context context) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return attempt(consumer, items, handler, context, 1);
    }

    /** Where a batch's time went, for the log of a slow one. */
    private static final class Stopwatch {
        final long start = System.nanoTime();
        long inbox;
        long prepared;
        long applied;

        static long ms(long from, long to) {
            return (to - from) / 1_000_000;
        }
    }

    private <T> Uni<Void> attempt(String consumer, List<Item> items, Handler<T> handler, Context context, int n) {
        Stopwatch watch = new Stopwatch();
        return Panache.withTransaction(() -> outbox.collecting(() -> applyAll(consumer, items, handler, watch)))
                .onItemOrFailure().transformToUni((emitted, failure) -> {
                    if (failure == null) {
                        long end = System.nanoTime();
                        if (end - watch.start > 1_000_000_000L) {
                            Log.infof("%s: %d records: inbox %d ms, prepare %d ms, effects %d ms, outbox and commit "
                                            + "%d ms", consumer, items.size(), Stopwatch.ms(watch.start, watch.inbox),
                                    Stopwatch.ms(watch.inbox, watch.prepared), Stopwatch.ms(watch.prepared, watch.applied),
                                    Stopwatch.ms(watch.applied, end));
                        }
                        committed(consumer, emitted, handler);
                        return Uni.createFrom().voidItem();
                    }
                    return recover(consumer, items, handler, context, n, failure);
                });
    }

    private <T> Uni<List<T>> applyAll(String consumer, List<Item> items, Handler<T> handler, Stopwatch watch) {
        List<Inbox.Entry> entries = items.stream().map(i -> new Inbox.Entry(i.id(), i.type())).toList();
        return inbox.firstDeliveries(consumer, entries).chain(first -> {
            watch.inbox = System.nanoTime();
            List<EventEnvelope> fresh = items.stream()
                    .filter(i -> i.envelope() != null && first.contains(i.id()))
                    .map(Item::envelope).toList();
            return handler.prepare(fresh).chain(() -> {
                watch.prepared = System.nanoTime();
                return Multi.createFrom().range(0, items.size())
                        .onItem().transformToUniAndConcatenate(i -> applyOne(consumer, items.get(i), i, first, handler))
                        .collect().asList()
                        .call(handler::beforeCommit)
                        .invoke(() -> watch.applied = System.nanoTime());
            });
        });
    }

    private <T> Uni<T> applyOne(String consumer, Item item, int index, Set<UUID> first, Handler<T> handler) {
        if (!first.remove(item.id())) {
            Log.debugf("%s: %s already processed", consumer, item);
            return Uni.createFrom().nullItem();
        }
        if (item.malformed() != null) {
            Log.warnf("%s: %s to the DLQ: %s", consumer, item, item.malformed());
            return park(consumer, item, item.malformed()).replaceWith((T) null);
        }
        return Uni.createFrom().deferred(() -> handler.apply(item.envelope()))
                .onFailure(f -> Failures.classify(f) == Failures.Kind.POISON)
                .transform(f -> new PoisonAt(index, f));
    }

    private <T> Uni<Void> recover(String consumer, List<Item> items, Handler<T> handler, Context context, int n,
                                  Throwable failure) {
        if (failure instanceof PoisonAt poison) {
            Item bad = items.get(poison.index);
            Log.warnf("%s: %s to the DLQ: %s", consumer, bad, poison.getCause().toString());
            return apply(consumer, items.subList(0, poison.index), handler, context)
                    .chain(() -> parkAlone(consumer, bad, reason(poison.getCause()), context, 1))
                    .chain(() -> apply(consumer, items.subList(poison.index + 1, items.size()), handler, context));
        }
        return switch (Failures.classify(failure)) {
            case WAIT -> {
                Log.warnf("%s: the database is out of reach (%s); %d records wait (attempt %d)", consumer,
                        failure.toString(), items.size(), n);
                yield delay(context, n).chain(() -> attempt(consumer, items, handler, context, n + 1));
            }
            case RETRY -> {
                if (n < retries) {
                    Log.debugf("%s: %s; %d records retried (attempt %d)", consumer, failure.toString(), items.size(), n);
                    yield delay(context, n).chain(() -> attempt(consumer, items, handler, context, n + 1));
                }
                yield oneByOne(consumer, items, handler, context, "gave up after " + n + " attempts: "
                        + reason(failure));
            }
            case POISON -> oneByOne(consumer, items, handler, context, reason(failure));
        };
    }

    /** A failure no single effect was named for (at commit, say): each record alone; the one that fails is parked. */
    private <T> Uni<Void> oneByOne(String consumer, List<Item> items, Handler<T> handler, Context context,
                                   String reason) {
        if (items.size() == 1) {
            Log.warnf("%s: %s to the DLQ: %s", consumer, items.get(0), reason);
            return parkAlone(consumer, items.get(0), reason, context, 1);
        }
        Log.infof("%s: a batch of %d failed (%s): applied record by record", consumer, items.size(), reason);
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> apply(consumer, List.of(item), handler, context)
                        .replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }

    /** Parks one record in its own transaction (once: it is recorded in the inbox); waits out the database. */
    private Uni<Void> parkAlone(String consumer, Item item, String reason, Context context, int n) {
        return Panache.withTransaction(() -> inbox.firstDeliveries(consumer,
                        List.of(new Inbox.Entry(item.id(), item.type())))
                .chain(first -> first.isEmpty() ? Uni.createFrom().voidItem() : park(consumer, item, reason)))
                .invoke(relay::wake)
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("%s: %s could not be parked yet (%s), attempt %d", consumer, item, failure.toString(), n);
                    return delay(context, n).chain(() -> parkAlone(consumer, item, reason, context, n + 1));
                });
    }

    /** The record, as it came (NUL characters, which PostgreSQL text cannot hold, shown as U+FFFD), to its DLQ. */
    private Uni<Void> park(String consumer, Item item, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Outbox.DEAD_LETTER_REASON, clean(reason));
        headers.put("dead-letter-consumer", consumer);
        headers.put("dead-letter-topic", item.topic());
        headers.put("dead-letter-partition", Integer.toString(item.partition()));
        headers.put("dead-letter-offset", Long.toString(item.offset()));
        return outbox.deadLetter(Topics.dlq(item.topic()), item.id(), item.type(), clean(item.key()),
                clean(item.value()), headers);
    }

    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.toString() : message;
    }

    private <T> void committed(String consumer, List<T> emitted, Handler<T> handler) {
        relay.wake();
        for (T item : emitted) {
            try {
                handler.afterCommit(item);
            } catch (RuntimeException e) {
                Log.warnf("%s: after a batch was applied: %s", consumer, e.toString());
            }
        }
    }

    /** A pause on the consumer's own context, doubling from the first backoff up to the maximum. */
    private Uni<Void> delay(Context context, int attempt) {
        long millis = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, millis),
                id -> context.runOnContext(v -> emitter.complete(null))));
    }
}
