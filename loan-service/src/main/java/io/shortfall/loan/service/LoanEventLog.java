package io.shortfall.loan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.loan.Loan;
import io.smallrye.mutiny.Multi;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every event of a loan goes through here: into the outbox (published on {@code loan.events} after the
 * commit) and onto the loan's timeline, in the transaction of the change. Events about a loan that other
 * services sent are put on the timeline too.
 */
@ApplicationScoped
public class LoanEventLog {

    private final Outbox outbox;

    public LoanEventLog(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes {@code payload} on {@code loan.events} through the outbox and records it on the loan's timeline. */
    public Uni<Void> emit(UUID loanId, EventPayload payload) {
        return settle(loanId).chain(() -> outbox.publish(Topics.LOAN_EVENTS, payload).chain(envelope -> record(loanId, envelope)));
    }

    /**
     * Publishes the event of a change just made to {@code loan}, built by {@code event} once the change is flushed
     * (so it carries the version the change gave the loan). In a batch being gathered the event waits for the next
     * flush the batch needs: the loans a batch changes are written together rather than one flush each. It must be
     * the last change the caller makes to the loan; whatever comes next about the same loan (another event, a
     * timeline entry) first flushes it, so a loan's events keep their order and each its own version.
     */
    public Uni<Void> emitOnFlush(Loan loan, Function<Loan, EventPayload> event) {
        Optional<Batch> batch = batch();
        if (batch.isEmpty()) {
            return Panache.flush().chain(() -> emit(loan.id, event.apply(loan)));
        }
        batch.get().waiting.add(new Waiting(loan, event));
        return Uni.createFrom().voidItem();
    }

    /** Publishes an event that belongs to no single loan's timeline (a borrower's contact). */
    public Uni<Void> publish(EventPayload payload) {
        return outbox.publish(Topics.LOAN_EVENTS, payload).replaceWithVoid();
    }

    /**
     * From now until {@link #writeGathered()} in this context (a consumer's batch), timeline entries are gathered
     * and then written with one statement rather than one each.
     */
    public void gather() {
        ContextLocals.put(BUFFER, new Batch());
    }

    /**
     * Flushes the changes whose events wait ({@link #emitOnFlush}) and publishes those events, then writes the
     * timeline entries gathered since {@link #gather()}, in the order they were recorded.
     */
    public Uni<Void> writeGathered() {
        return publishWaiting().chain(() -> {
            List<Entry> entries = batch().map(b -> b.entries).orElse(List.of());
            ContextLocals.remove(BUFFER);
            return insert(entries);
        });
    }

    /** If an event about {@code loanId} waits for a flush, flushes now and publishes every waiting event. */
    private Uni<Void> settle(UUID loanId) {
        Optional<Batch> batch = batch();
        if (batch.isEmpty() || batch.get().waiting.stream().noneMatch(w -> w.loan().id.equals(loanId))) {
            return Uni.createFrom().voidItem();
        }
        return publishWaiting();
    }

    /** One flush for every change whose event waits, then those events, in the order they were emitted. */
    private Uni<Void> publishWaiting() {
        Optional<Batch> batch = batch();
        if (batch.isEmpty() || batch.get().waiting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Waiting> waiting = List.copyOf(batch.get().waiting);
        batch.get().waiting.clear();
        return Panache.flush().chain(() -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(w -> emit(w.loan().id, w.event().apply(w.loan())))
                .collect().last().replaceWithVoid());
    }

    /** Puts {@code envelope} on the timeline of {@code loanId}: now, or with the batch being gathered. */
    public Uni<Void> record(UUID loanId, EventEnvelope envelope) {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the payload of " + envelope.type(), e);
        }
        Entry entry = new Entry(loanId, envelope.eventId(), envelope.type(),
                envelope.source() == null ? "unknown" : envelope.source(), envelope.occurredAt(), payload);
        Optional<Batch> batch = batch();
        if (batch.isPresent()) {
            return settle(loanId).invoke(() -> batch.get().entries.add(entry));
        }
        return insert(List.of(entry));
    }

    /** One timeline row to write. */
    private record Entry(UUID loanId, UUID eventId, String type, String source, Instant occurredAt, String payload) {
    }

    /** An event that waits for its loan's change to be flushed. */
    private record Waiting(Loan loan, Function<Loan, EventPayload> event) {
    }

    /** What a consumer's batch gathers: timeline entries to write, events waiting for a flush. */
    private static final class Batch {
        final List<Entry> entries = new ArrayList<>();
        final List<Waiting> waiting = new ArrayList<>();
    }

    private static final String BUFFER = LoanEventLog.class.getName() + ".batch";

    private static Optional<Batch> batch() {
        return ContextLocals.<Object>get(BUFFER).map(Batch.class::cast);
    }

    /** One statement, whatever the number of entries; ids from the timeline's sequence, in the order given. */
    private static Uni<Void> insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        UUID[] loans = new UUID[n];
        UUID[] events = new UUID[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] occurred = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = entries.get(i);
            loans[i] = entry.loanId();
            events[i] = entry.eventId();
            types[i] = entry.type();
            sources[i] = entry.source();
            occurred[i] = entry.occurredAt().toString();
            payloads[i] = entry.payload();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("loans", loans)
                        .setParameter("events", events)
                        .setParameter("types", types)
                        .setParameter("sources", sources)
                        .setParameter("occurred", occurred)
                        .setParameter("payloads", payloads)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static final String INSERT = """
            insert into loan_event (id, loan_id, event_id, type, source, occurred_at, payload)
            select nextval('loan_event_seq'), l, e, t, s, o, p
            from (select * from unnest(cast(:loans as uuid[]), cast(:events as uuid[]), cast(:types as text[]),
                                       cast(:sources as text[]), cast(cast(:occurred as text[]) as timestamptz[]),
                                       cast(:payloads as text[]))
                                with ordinality as u(l, e, t, s, o, p, n)
                  order by n) ordered""";
}
