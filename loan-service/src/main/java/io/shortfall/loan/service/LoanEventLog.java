package io.shortfall.loan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.kit.sql.Chunks;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        return outbox.publish(Topics.LOAN_EVENTS, payload).chain(envelope -> record(loanId, envelope));
    }

    /** Publishes an event that belongs to no single loan's timeline (a borrower's contact). */
    public Uni<Void> publish(EventPayload payload) {
        return outbox.publish(Topics.LOAN_EVENTS, payload).replaceWithVoid();
    }

    /**
     * From now until {@link #writeGathered()} in this context (a consumer's batch), timeline entries are gathered
     * and then written with a few multi-row statements rather than one statement each.
     */
    public void gather() {
        ContextLocals.put(BUFFER, new ArrayList<Entry>());
    }

    /** Writes the entries gathered since {@link #gather()}, in the order they were recorded. */
    public Uni<Void> writeGathered() {
        List<Entry> entries = gathered().orElse(List.of());
        ContextLocals.remove(BUFFER);
        return insert(entries);
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
        Optional<List<Entry>> gathering = gathered();
        if (gathering.isPresent()) {
            gathering.get().add(entry);
            return Uni.createFrom().voidItem();
        }
        return insert(List.of(entry));
    }

    /** One timeline row to write. */
    private record Entry(UUID loanId, UUID eventId, String type, String source, Instant occurredAt, String payload) {
    }

    private static final String BUFFER = LoanEventLog.class.getName() + ".timeline";

    @SuppressWarnings("unchecked")
    private static Optional<List<Entry>> gathered() {
        return ContextLocals.<Object>get(BUFFER).map(b -> (List<Entry>) b);
    }

    private static Uni<Void> insert(List<Entry> entries) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (List<Entry> chunk : Chunks.of(entries)) {
            all = all.chain(() -> insertChunk(chunk));
        }
        return all;
    }

    /** Ids from the timeline's sequence, in the order of the rows (a sequence that moves in steps of 50). */
    private static Uni<Void> insertChunk(List<Entry> chunk) {
        StringBuilder sql = new StringBuilder(
                "insert into loan_event (id, loan_id, event_id, type, source, occurred_at, payload) values ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(nextval('loan_event_seq'), :l").append(i).append(", :e").append(i)
                    .append(", :t").append(i).append(", :s").append(i).append(", :o").append(i).append(", :p")
                    .append(i).append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Entry entry = chunk.get(i);
                query.setParameter("l" + i, entry.loanId());
                query.setParameter("e" + i, entry.eventId());
                query.setParameter("t" + i, entry.type());
                query.setParameter("s" + i, entry.source());
                query.setParameter("o" + i, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                query.setParameter("p" + i, entry.payload());
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
