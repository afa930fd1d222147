package io.shortfall.debt.service;

import io.shortfall.debt.Approval;
import io.shortfall.debt.ContactAttempt;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Promise;
import io.shortfall.debt.domain.ApprovalStatus;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.PlanSchedule;
import io.shortfall.debt.domain.PlanStatus;
import io.shortfall.debt.domain.PromiseStatus;
import io.shortfall.debt.repository.ApprovalRepository;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.repository.PlanRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** What agents do on a case: claim or assign it, log contacts, record promises, request write-offs; and supervisors' decisions. */
@ApplicationScoped
public class Casework {

    public static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "SMS", "LETTER", "CHAT", "IN_PERSON");

    private final PlanRepository plans;
    private final Negotiation negotiation;
    private final DebtorProjection debtors;
    private final CaseRecord record;
    private final PledgeCustody pledges;
    private final Clock clock;
    private final CaseFileRepository caseFile;
    private final ApprovalRepository approvals;
    private final DebtCaseRepository cases;

    public Casework(DebtCaseRepository cases, ApprovalRepository approvals, CaseFileRepository caseFile,
                    PlanRepository plans, Negotiation negotiation, DebtorProjection debtors, CaseRecord record,
                    PledgeCustody pledges, Clock clock) {
        this.cases = cases;
        this.approvals = approvals;
        this.caseFile = caseFile;
        this.pledges = pledges;
        this.plans = plans;
        this.negotiation = negotiation;
        this.debtors = debtors;
        this.record = record;
        this.clock = clock;
    }

    public Uni<Void> assign(DebtCase debtCase, String agentId, String by) {
        String assignee = agentId == null || agentId.isBlank() ? by : agentId.strip();
        String was = debtCase.assignee;
        debtCase.assignee = assignee;
        return record.note(debtCase, "ASSIGNED", by, assignee.equals(by) && agentId == null
                ? "Claimed by " + by : "Assigned to " + assignee + (was == null ? "" : " (was " + was + ")"));
    }

    public Uni<ContactAttempt> contact(DebtCase debtCase, String agent, String channel, String outcome, String note) {
        if (channel == null || !CHANNELS.contains(channel)) {
            throw Problems.invalid("channel", "one of " + CHANNELS);
        }
        if (outcome == null || outcome.isBlank()) {
            throw Problems.invalid("outcome", "required: what came of the contact");
        }
        ContactAttempt contact = new ContactAttempt();
        contact.id = UUID.randomUUID();
        contact.caseId = debtCase.id;
        contact.agentId = agent;
        contact.channel = channel;
        contact.outcome = outcome;
        contact.note = note;
        contact.at = clock.instant();
        return caseFile.add(contact).chain(() -> record.note(debtCase, "CONTACT", agent, channel + ": " + outcome
                + (note == null || note.isBlank() ? "" : " (" + note + ")"))).replaceWith(contact);
    }

    public Uni<Promise> promise(DebtCase debtCase, String agent, BigDecimal amount, LocalDate dueDate) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > PlanSchedule.SCALE) {
            throw Problems.invalid("amount", "a positive amount, exact to the cent");
        }
        if (amount.compareTo(debtCase.outstanding) > 0) {
            throw Problems.invalid("amount", "more than the " + debtCase.outstanding.toPlainString() + " owed");
        }
        if (dueDate == null) {
            throw Problems.invalid("dueDate", "required: when the debtor promised to pay (yyyy-mm-dd)");
        }
        if (debtCase.isClosed()) {
            throw Problems.conflict("case-closed", "case " + debtCase.id + " is " + debtCase.status);
        }
        return debtors.zoneOf(debtCase.debtorId).chain(zone -> {
            if (dueDate.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
                throw Problems.invalid("dueDate", "must not be in the past");
            }
            Promise promise = new Promise();
            promise.id = UUID.randomUUID();
            promise.caseId = debtCase.id;
            promise.amount = amount.setScale(PlanSchedule.SCALE);
            promise.dueDate = dueDate;
            promise.madeBy = agent;
            promise.madeAt = clock.instant();
            promise.paid = BigDecimal.ZERO.setScale(PlanSchedule.SCALE);
            return caseFile.add(promise).chain(() -> record.note(debtCase, "PROMISE", agent, "Promise to pay "
                    + promise.amount.toPlainString() + " by " + dueDate)).replaceWith(promise);
        });
    }

    public Uni<Approval> requestWriteOff(DebtCase debtCase, String agent, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the debt is written off");
        }
        if (debtCase.isClosed()) {
            throw Problems.conflict("case-closed", "case " + debtCase.id + " is " + debtCase.status);
        }
        return approvals.writeOffPending(debtCase.id).chain(pending -> {
            if (pending) {
                throw Problems.conflict("write-off-pending", "a write-off of case " + debtCase.id + " already waits");
            }
            Approval approval = new Approval();
            approval.id = UUID.randomUUID();
            approval.caseId = debtCase.id;
            approval.kind = Approval.WRITE_OFF;
            approval.amount = debtCase.outstanding;
            approval.reason = reason;
            approval.requestedBy = agent;
            approval.requestedAt = clock.instant();
            return approvals.persist(approval).chain(() -> record.note(debtCase, "APPROVAL_REQUESTED", agent,
                    "Write-off of " + debtCase.outstanding.toPlainString() + " requested: " + reason))
                    .replaceWith(approval);
        });
    }

    /** A supervisor who is not the requester decides (maker-checker). */
    public Uni<Approval> decide(Approval approval, String supervisor, boolean approve, String note) {
        if (approval.status != ApprovalStatus.PENDING) {
            throw Problems.conflict("already-decided", "approval " + approval.id + " is " + approval.status);
        }
        if (supervisor.equals(approval.requestedBy)) {
            throw Problems.problem(403, "maker-checker", "Forbidden",
                    "the requester of approval " + approval.id + " cannot decide it: another supervisor must");
        }
        Instant now = clock.instant();
        approval.decide(approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, supervisor, now, note);
        return cases.findById(approval.caseId).chain(debtCase -> {
            Uni<Void> decided = record.note(debtCase, "APPROVAL_" + approval.status, supervisor,
                    approval.kind + " of " + approval.amount.toPlainString() + " " + approval.status.name().toLowerCase()
                            + (note == null || note.isBlank() ? "" : ": " + note));
            if (Approval.SETTLEMENT.equals(approval.kind)) {
                return decided.chain(() -> negotiation.settlementDecided(debtCase, approval, approve, supervisor));
            }
            if (!approve) {
                return decided;
            }
            if (debtCase.isClosed()) {
                throw Problems.conflict("case-closed", "case " + debtCase.id + " is " + debtCase.status);
            }
            if (debtCase.outstanding.compareTo(approval.amount) > 0) {
                // a reversal since the request raised what is owed: the checker approves no more than was asked
                throw Problems.conflict("approval-stale", "write-off of " + approval.amount.toPlainString()
                        + " was requested but " + debtCase.outstanding.toPlainString()
                        + " is owed now: reject it and request again");
            }
            return decided.chain(() -> writeOff(debtCase, approval, supervisor, now));
        }).replaceWith(approval);
    }

    private Uni<Void> writeOff(DebtCase debtCase, Approval approval, String supervisor, Instant now) {
        BigDecimal amount = debtCase.outstanding;
        debtCase.outstanding = BigDecimal.ZERO.setScale(PlanSchedule.SCALE);
        debtCase.close(CaseStatus.WRITTEN_OFF, amount, now);    // a hold or an escalation ends with the case
        return plans.liveOf(debtCase.id).chain(plan -> {
            if (plan != null) {
                plan.moveTo(PlanStatus.CANCELLED, now);
            }
            return Uni.createFrom().voidItem();
        })
                .chain(() -> negotiation.endAll(debtCase, now, "the case was written off"))
                .chain(() -> {
            return record.note(debtCase, "WRITTEN_OFF", supervisor, "Written off: " + amount.toPlainString()
                            + " (requested by " + approval.requestedBy + ": " + approval.reason + ")",
                    new DebtEvents.DebtWrittenOff(debtCase.id, debtCase.debtorId, amount, supervisor))
                    .chain(() -> pledges.releaseAll(debtCase, "the case is written off"));
        });
    }
}
