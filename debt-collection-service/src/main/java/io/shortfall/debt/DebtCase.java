package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public java.time.LocalDate heldSince;

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
    public void clearEscalation() {
        statusBeforeEscalation = null;
        escalationStage = null;
        escalationReason = null;
        escalatedBy = null;
        escalatedAt = null;
    }

    /** Sets the status, underneath the hold if one is on. */
    public void moveTo(CaseStatus next) {
        if (hold == null) {
            status = next;
        } else {
            statusBeforeHold = next;
        }
    }
}
