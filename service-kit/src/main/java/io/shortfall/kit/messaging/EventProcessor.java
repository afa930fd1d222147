package io.shortfall.kit.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.MalformedEventException;
import io.shortfall.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How every consumer applies a record: parse the envelope, then in one transaction record it in the
 * inbox and apply its effect; a repeat is acknowledged and skipped.
 *
 * <p>A record that can never be applied (not an envelope, an unknown type, a bad payload, a
 * {@link PoisonEventException}) fails at once, and the channel's {@code dead-letter-queue} failure
 * strategy parks it in {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header. Any
 * other failure (the database is down, a lost race) is retried with backoff first; what still fails is
 * parked in the DLQ too, so the partition moves on and nothing is lost.
 */
@ApplicationScoped
public class EventProcessor {

    private final Inbox inbox;
    private final int retries;
    private final Duration firstBackoff;

    public EventProcessor(Inbox inbox,
                          @ConfigProperty(name = "shortfall.consumer.retries", defaultValue = "8") int retries,
                          @ConfigProperty(name = "shortfall.consumer.first-backoff", defaultValue = "PT0.2S")
                          Duration firstBackoff) {
        this.inbox = inbox;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Applies {@code json} once for {@code consumer}. {@code effect} runs inside the transaction and must
     * ignore types it has no use for.
     */
    public Uni<Void> process(String consumer, String json, Function<EventEnvelope, Uni<Void>> effect) {
        return process(consumer, json, effect, ignored -> { });
    }

    /**
     * Like {@link #process(String, String, Function)}, and then, once the transaction has committed, hands
     * what the effect emitted to {@code afterCommit}: for what must happen only if the effect took hold (a
     * metric counted once per applied event, never for a rolled-back attempt or a repeat). {@code afterCommit}
     * runs once, with the item of the attempt that committed; not at all for a repeat or a null item. Its own
     * failure is logged, never turned into a failure of the record (which is already applied).
     */
    public <T> Uni<Void> process(String consumer, String json, Function<EventEnvelope, Uni<T>> effect,
                                 Consumer<? super T> afterCommit) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(json);
        } catch (MalformedEventException e) {
            Log.warnf("%s: poison record to the DLQ: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(consumer, envelope)
                        .chain(first -> first ? effect.apply(envelope) : skip(consumer, envelope)))
                .onFailure(EventProcessor::isTransient)
                .retry().withBackOff(firstBackoff, firstBackoff.multipliedBy(25)).atMost(retries)
                .onFailure().invoke(failure -> Log.warnf("%s: %s %s to the DLQ: %s", consumer, envelope.type(),
                        envelope.eventId(), failure.toString()))
                .invoke(emitted -> afterCommit(consumer, envelope, emitted, afterCommit))
                .replaceWithVoid();
    }

    private static <T> Uni<T> skip(String consumer, EventEnvelope envelope) {
        Log.debugf("%s: %s %s already processed", consumer, envelope.type(), envelope.eventId());
        return Uni.createFrom().nullItem();
    }

    private static <T> void afterCommit(String consumer, EventEnvelope envelope, T emitted,
                                        Consumer<? super T> afterCommit) {
        if (emitted == null) {
            return;
        }
        try {
            afterCommit.accept(emitted);
        } catch (RuntimeException e) {
            Log.warnf("%s: after %s %s was applied: %s", consumer, envelope.type(), envelope.eventId(), e.toString());
        }
    }

    /**
     * Worth retrying: anything but a record that can never apply. Poison is a malformed or invariant-breaking
     * event, a programming-level refusal of its content (a null where a field is required, a value out of
     * range, an unknown enum name) or a database data exception (SQLSTATE class 22: a number too large for
     * its column, ...). Retrying those would only hold the partition up before the DLQ.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof PoisonEventException
                    || t instanceof NullPointerException || t instanceof IllegalArgumentException
                    || t instanceof ArithmeticException || t instanceof DateTimeException
                    || t instanceof ClassCastException
                    || t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return false;
            }
        }
        return true;
    }
}
