package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.PromiseStatus;
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

/** A promise to pay, recorded by an agent and reconciled by payments as KEPT, PARTIAL or BROKEN. */
@Entity
@Table(name = "promise")
public class Promise extends PanacheEntityBase {


    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "amount")
    public BigDecimal amount;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "made_by")
    public String madeBy;

    @Column(name = "made_at")
    public Instant madeAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public PromiseStatus status = PromiseStatus.OPEN;

    @Column(name = "paid")
    public BigDecimal paid;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Resolved at {@code at}: {@code KEPT}, {@code PARTIAL} or {@code BROKEN}; refused once it is. */
    public void resolve(PromiseStatus outcome, Instant at) {
        status = StatusMoves.checked("promise", id, status, outcome);
        resolvedAt = at;
    }
}
