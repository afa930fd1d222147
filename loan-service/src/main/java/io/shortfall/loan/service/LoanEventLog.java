package io.shortfall.loan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.loan.LoanEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** Puts {@code envelope} on the timeline of {@code loanId}. */
    public Uni<Void> record(UUID loanId, EventEnvelope envelope) {
        LoanEvent event = new LoanEvent();
        event.loanId = loanId;
        event.eventId = envelope.eventId();
        event.type = envelope.type();
        event.source = envelope.source() == null ? "unknown" : envelope.source();
        event.occurredAt = envelope.occurredAt();
        try {
            event.payload = EventJson.mapper().writeValueAsString(envelope.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the payload of " + envelope.type(), e);
        }
        return event.persist().replaceWithVoid();
    }
}
