package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.Escalation;
import io.shortfall.events.DebtEvents;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * Passing a case in default on to an external collection agency or to legal proceedings, and taking it back
 * ({@link Escalation} says when it may be). An escalated case is neither aged nor reminded, takes no offers or
 * payments through Shortfall, and notification-service stops the lender's contact about it after one notice;
 * a supervisor may settle, write off or recall it. Only a supervisor sends a case to {@code LEGAL}.
 */
@ApplicationScoped
public class Escalations {

    private final CaseRecord record;
    private final Clock clock;
    private final Negotiation negotiation;

    public Escalations(Negotiation negotiation, CaseRecord record, Clock clock) {
        this.negotiation = negotiation;
        this.record = record;
        this.clock = clock;
    }

    public Uni<Void> escalate(DebtCase debtCase, String stage, String reason, String by, boolean supervisor) {
        Escalation.Stage to = Arrays.stream(Escalation.Stage.values()).filter(s -> s.name().equals(stage)).findFirst()
                .orElseThrow(() -> Problems.invalid("stage", "EXTERNAL_COLLECTION or LEGAL"));
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the case is passed on");
        }
        if (to == Escalation.Stage.LEGAL && !supervisor) {
            throw Problems.problem(403, "supervisor-only", "Forbidden",
                    "only a supervisor sends a case to legal proceedings");
        }
        Escalation.refusal(debtCase.status, debtCase.hold, debtCase.openedAt, clock.instant()).ifPresent(why -> {
            throw Problems.conflict("not-escalable", "case " + debtCase.id + " cannot be escalated: " + why);
        });
        Instant now = clock.instant();
        debtCase.escalate(to.name(), reason.strip(), by, now);
        return negotiation.endAll(debtCase, now, "the case was passed to " + to.name())
                .chain(() -> record.note(debtCase, "ESCALATED", by,
                        "Passed to " + to.name() + ": " + debtCase.escalationReason,
                        new DebtEvents.CaseEscalated(debtCase.id, debtCase.debtorId, to.name(),
                                debtCase.escalationReason, by, debtCase.outstanding)));
    }

    public Uni<Void> recall(DebtCase debtCase, String by) {
        if (debtCase.status != CaseStatus.ESCALATED) {
            throw Problems.conflict("not-escalated", "case " + debtCase.id + " is " + debtCase.status
                    + ", not ESCALATED");
        }
        String was = debtCase.escalationStage;
        debtCase.recall();
        return record.note(debtCase, "RECALLED", by, "Taken back from " + was + ": collected by the lender again",
                new DebtEvents.CaseRecalled(debtCase.id, debtCase.debtorId, by));
    }
}
