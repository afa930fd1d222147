package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.CaseLifecycle;
import io.shortfall.debt.domain.CaseStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A debt case: the negative balance one liquidation left, owed by its debtor. At most one per liquidation. */
@Entity
@Table(name = "debt_case")
public class DebtCase extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The borrower who owes it (the token subject of their requests). */
    @Column(name = "debtor_id", nullable = false)
    public String debtorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** The original negative balance. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** What is still owed. */
    @Column(nullable = false)
    public BigDecimal outstanding;

    @Column(nullable = false)
    public String currency;

    @Column(name = "liquidation_id", nullable = false, unique = true)
    public UUID liquidationId;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** The agent working the case; null until one claims it or is assigned. */
    @Column
    public String assignee;

    @Column(name = "days_past_due", nullable = false)
    public int daysPastDue;

    /** The days-past-due bucket ({@code 1-30} ... {@code 120+}); null while nothing is past due. */
    @Column
    public String bucket;

    /** {@code DISPUTED} or {@code HARDSHIP} while held (the status is then the hold). */
    @Column
    public String hold;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold")
    public CaseStatus statusBeforeHold;

    @Column(name = "held_since")
    public LocalDate heldSince;

    /** While ESCALATED: the external stage ({@code EXTERNAL_COLLECTION}, {@code LEGAL}), why, who, when. */
    @Column(name = "escalation_stage")
    public String escalationStage;

    @Column(name = "escalation_reason")
    public String escalationReason;

    @Column(name = "escalated_by")
    public String escalatedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The status a recall goes back to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_escalation")
    public CaseStatus statusBeforeEscalation;

    @Column(name = "broken_promises", nullable = false)
    public int brokenPromises;

    /** What has been paid (reversals excluded). */
    @Column(nullable = false)
    public BigDecimal paid = BigDecimal.ZERO.setScale(2);

    /** What a settlement forgave, or what was written off. */
    @Column
    public BigDecimal discount;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public boolean isClosed() {
        return status == CaseStatus.SETTLED || status == CaseStatus.WRITTEN_OFF;
    }

    public boolean hasLivePlan() {
        CaseStatus effective = hold == null ? status : statusBeforeHold;
        return effective == CaseStatus.IN_PLAN || effective == CaseStatus.DELINQUENT;
    }

    /** The status underneath a hold (the status itself when not held). */
    public CaseStatus underlyingStatus() {
        return hold == null ? status : statusBeforeHold;
    }

    /** Forgets the external stage the case was passed to (recalled, or closed while escalated). */
    private void clearEscalation() {
        statusBeforeEscalation = null;
        escalationStage = null;
        escalationReason = null;
        escalatedBy = null;
        escalatedAt = null;
    }

    /**
     * Moves the status, underneath the hold if one is on, as {@link CaseLifecycle} allows.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 409 {@code illegal-move} for a move that does not exist
     */
    public void moveTo(CaseStatus next) {
        if (status == CaseStatus.ESCALATED) {
            throw illegal("it is passed on to " + escalationStage + ": it is recalled before it moves");
        }
        allow(underlyingStatus(), next);
        if (hold == null) {
            status = next;
        } else {
            statusBeforeHold = next;
        }
    }

    /** A new case: {@code OPEN}. */
    public void open() {
        if (status != null) {
            throw illegal("it is already " + status);
        }
        status = CaseStatus.OPEN;
    }

    /** Held ({@code DISPUTED} or {@code HARDSHIP}) from {@code since}: the status underneath is kept. */
    public void hold(CaseStatus kind, LocalDate since) {
        if (!CaseLifecycle.isHold(kind)) {
            throw new IllegalArgumentException(kind + " is not a hold");
        }
        if (hold != null) {
            throw illegal("it is already held: " + hold);
        }
        allow(status, kind);
        statusBeforeHold = status;
        hold = kind.name();
        status = kind;
        heldSince = since;
    }

    /** The hold lifted: the status underneath is the case's again. */
    public void release() {
        if (hold == null) {
            throw illegal("it is not held");
        }
        allow(status, statusBeforeHold);
        status = statusBeforeHold;
        endHold();
    }

    /** Passed on to an external stage: {@code ESCALATED} until recalled or closed. */
    public void escalate(String stage, String reason, String by, Instant at) {
        if (status == CaseStatus.ESCALATED) {
            throw illegal("it is already passed on to " + escalationStage);
        }
        allow(status, CaseStatus.ESCALATED);
        statusBeforeEscalation = status;
        status = CaseStatus.ESCALATED;
        escalationStage = stage;
        escalationReason = reason;
        escalatedBy = by;
        escalatedAt = at;
    }

    /** Taken back from its external stage: the status it had before. */
    public void recall() {
        if (status != CaseStatus.ESCALATED) {
            throw illegal("it is " + status + ", not ESCALATED");
        }
        allow(status, statusBeforeEscalation);
        status = statusBeforeEscalation;
        clearEscalation();
    }

    /**
     * Closed, {@code SETTLED} or {@code WRITTEN_OFF}, with what was forgiven: a hold or an escalation ends with it.
     */
    public void close(CaseStatus end, BigDecimal forgiven, Instant at) {
        if (end != CaseStatus.SETTLED && end != CaseStatus.WRITTEN_OFF) {
            throw new IllegalArgumentException(end + " does not close a case");
        }
        if (isClosed()) {
            throw illegal("it is already " + status);
        }
        allow(underlyingStatus(), end);
        status = end;
        discount = forgiven;
        closedAt = at;
        daysPastDue = 0;
        bucket = null;
        endHold();
        clearEscalation();
    }

    /** A settled case collected again ({@code IN_PLAN} or {@code NEGOTIATING}): a payment it counted was reversed. */
    public void reopen(CaseStatus to) {
        if (status != CaseStatus.SETTLED) {
            throw illegal("it is " + status + ", not SETTLED");
        }
        allow(status, to);
        status = to;
        closedAt = null;
        discount = null;
    }

    private void endHold() {
        hold = null;
        statusBeforeHold = null;
        heldSince = null;
    }

    private void allow(CaseStatus from, CaseStatus to) {
        CaseLifecycle.refusal(from, to).ifPresent(why -> {
            throw illegal(why);
        });
    }

    private io.quarkiverse.resteasy.problem.HttpProblem illegal(String why) {
        return StatusMoves.illegal("case", id, why);
    }
}
