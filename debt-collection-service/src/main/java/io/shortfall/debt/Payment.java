package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment on a case's plan; {@code seq} is the order they are allocated (and replayed) in. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {


    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The plan it paid; null for the proceeds of a sold pledge, which pay what is owed outside any plan. */
    @Column(name = "plan_id")
    public UUID planId;

    @Column(nullable = false)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status = PaymentStatus.APPLIED;

    @Column(name = "paid_by", nullable = false)
    public String paidBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "reversed_by")
    public String reversedBy;

    @Column(name = "reversed_at")
    public Instant reversedAt;

    @Column(name = "reversal_reason")
    public String reversalReason;

    /** Reversed by {@code agent} at {@code at} ({@code why}); refused (409 {@code illegal-move}) when it was already. */
    public void reverse(String agent, Instant at, String why) {
        status = StatusMoves.checked("payment", id, status, PaymentStatus.REVERSED);
        reversedBy = agent;
        reversedAt = at;
        reversalReason = why;
    }
}
