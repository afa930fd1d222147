package io.shortfall.debt.service;

import io.shortfall.debt.CaseEntry;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.repository.CaseEntryRepository;
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
    private final CaseEntryRepository entries;

    public CaseRecord(CaseEntryRepository entries, Outbox outbox, Clock clock) {
        this.entries = entries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> note(DebtCase debtCase, String kind, String by, String text) {
        return entries.persist(CaseEntry.of(debtCase.id, clock.instant(), kind, by, text)).replaceWithVoid();
    }

    public Uni<Void> note(DebtCase debtCase, String kind, String by, String text, EventPayload event) {
        return note(debtCase, kind, by, text).chain(() -> outbox.publish(Topics.DEBT_EVENTS, event)).replaceWithVoid();
    }
}
