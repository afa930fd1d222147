package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.ApprovalStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A maker-checker request: a settlement over the agent's limit or a write-off, decided by a supervisor who is not the requester. */
@Entity
@Table(name = "approval")
public class Approval extends PanacheEntityBase {

    public static final String SETTLEMENT = "SETTLEMENT";
    public static final String WRITE_OFF = "WRITE_OFF";

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "kind")
    public String kind;

    @Column(name = "offer_id")
    public UUID offerId;

    @Column(name = "amount")
    public BigDecimal amount;

    @Column(name = "reason")
    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public ApprovalStatus status = ApprovalStatus.PENDING;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "note")
    public String note;

    /** Decided by {@code supervisor} at {@code at}, with {@code why}; refused once it is. */
    public void decide(ApprovalStatus outcome, String supervisor, Instant at, String why) {
        status = StatusMoves.checked("approval", id, status, outcome);
        decidedBy = supervisor;
        decidedAt = at;
        note = why;
    }
}
