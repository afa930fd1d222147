package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Message;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.repository.PlanRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Holds ({@code DISPUTED}, {@code HARDSHIP}) pause ageing and reminders until an agent lifts them: while held
 * the daily round skips the case, and on release the plan's unpaid installments (those already overdue
 * included) move by the days it lasted, so the days on hold never count as days past due. Also the debtor's messages.
 */
@ApplicationScoped
public class Holds {

    public static final String DISPUTED = "DISPUTED";
    public static final String HARDSHIP = "HARDSHIP";

    private final PlanRepository plans;
    private final DebtorProjection debtors;
    private final CaseRecord record;
    private final Clock clock;
    private final CaseFileRepository caseFile;

    public Holds(CaseFileRepository caseFile, PlanRepository plans, DebtorProjection debtors, CaseRecord record,
                 Clock clock) {
        this.caseFile = caseFile;
        this.plans = plans;
        this.debtors = debtors;
        this.record = record;
        this.clock = clock;
    }

    public Uni<Void> hold(DebtCase debtCase, String hold, String reason, String by) {
        if (!DISPUTED.equals(hold) && !HARDSHIP.equals(hold)) {
            throw Problems.invalid("hold", "DISPUTED or HARDSHIP");
        }
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the case is held");
        }
        if (debtCase.isClosed()) {
            throw Problems.conflict("case-closed", "case " + debtCase.id + " is " + debtCase.status);
        }
        if (debtCase.hold != null) {
            throw Problems.conflict("already-held", "case " + debtCase.id + " is already held: " + debtCase.hold);
        }
        if (debtCase.status == CaseStatus.ESCALATED) {
            throw Problems.conflict("case-escalated", "case " + debtCase.id + " was passed to "
                    + debtCase.escalationStage + ": tell support, who recall it before it is held");
        }
        return today(debtCase).chain(today -> {
            debtCase.hold(CaseStatus.valueOf(hold), today);
            return record.note(debtCase, "CASE_HELD", by, hold + ": " + reason,
                    new DebtEvents.CaseHeld(debtCase.id, debtCase.debtorId, hold));
        });
    }

    public Uni<Void> release(DebtCase debtCase, String agent) {
        if (debtCase.hold == null) {
            throw Problems.conflict("not-held", "case " + debtCase.id + " is not held");
        }
        return debtors.zoneOf(debtCase.debtorId).chain(zone -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            LocalDate since = debtCase.heldSince;
            long days = Math.max(0, ChronoUnit.DAYS.between(since, today));
            String was = debtCase.hold;
            debtCase.release();
            var shift = new java.util.concurrent.atomic.AtomicLong();
            Uni<Integer> shifted = !debtCase.hasLivePlan() || days == 0 ? Uni.createFrom().item(0)
                    : plans.liveOf(debtCase.id).chain(plan -> plan == null ? Uni.createFrom().item(0)
                    : plans.installments(plan.id).map(rows -> {
                        // a plan agreed during the hold moves only by the days on hold since it started
                        LocalDate started = LocalDate.ofInstant(plan.startedAt, zone);
                        long by = Math.max(0, ChronoUnit.DAYS.between(started.isAfter(since) ? started : since, today));
                        shift.set(by);
                        int moved = 0;
                        for (PlanInstallment row : rows) {
                            // every unpaid installment, the overdue ones too: their days past due stand still
                            if (by > 0 && row.paid.compareTo(row.amount) < 0) {
                                row.dueDate = row.dueDate.plusDays(by);
                                moved++;
                            }
                        }
                        return moved;
                    }));
            return shifted.chain(moved -> record.note(debtCase, "CASE_RELEASED", agent, was + " hold lifted after "
                            + days + " days" + (moved > 0 ? "; " + moved + " unpaid installments moved by " + shift.get()
                            + " days" : ""),
                    new DebtEvents.CaseReleased(debtCase.id, debtCase.debtorId)));
        });
    }

    public Uni<Message> message(DebtCase debtCase, String sender, String text) {
        if (text == null || text.isBlank()) {
            throw Problems.invalid("text", "required: the message");
        }
        if (text.length() > 4000) {
            throw Problems.invalid("text", "at most 4000 characters");
        }
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.caseId = debtCase.id;
        message.sender = sender;
        message.text = text;
        message.at = clock.instant();
        boolean reply = !sender.equals(debtCase.debtorId);
        return caseFile.add(message).chain(() -> record.note(debtCase, reply ? "REPLY" : "MESSAGE", sender, text))
                .replaceWith(message);
    }

    private Uni<LocalDate> today(DebtCase debtCase) {
        return debtors.zoneOf(debtCase.debtorId).map(zone -> LocalDate.ofInstant(clock.instant(), zone));
    }
}
