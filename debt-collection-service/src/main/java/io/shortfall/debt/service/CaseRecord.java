package io.shortfall.debt.service;

import io.shortfall.debt.CaseEntry;
import io.shortfall.debt.DebtCase;
import io.shortfall.events.EventPayload;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** The record of a case: a line on its timeline and, when there is one, its event in the outbox (same transaction). */
@ApplicationScoped
public class CaseRecord {

    private final Outbox outbox;
    private final Clock clock;

    public CaseRecord(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> note(DebtCase debtCase, String kind, String by, String text) {
        return CaseEntry.of(debtCase.id, clock.instant(), kind, by, text).persist().replaceWithVoid();
    }

    public Uni<Void> note(DebtCase debtCase, String kind, String by, String text, EventPayload event) {
        return note(debtCase, kind, by, text).chain(() -> outbox.publish(Topics.DEBT_EVENTS, event)).replaceWithVoid();
    }
}
