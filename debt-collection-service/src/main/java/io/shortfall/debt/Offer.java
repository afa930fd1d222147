package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.OfferStatus;
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

/** An offer on a case, with its terms; its exact schedule is in {@link OfferInstallment}. */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    public static final String BY_SYSTEM = "SYSTEM";
    public static final String BY_DEBTOR = "DEBTOR";
    public static final String BY_AGENT = "AGENT";
    public static final String SETTLEMENT = "SETTLEMENT";
    public static final String INSTALLMENTS = "INSTALLMENTS";
    public static final String PAY_IN_FULL = "PAY_IN_FULL";
    public static final String MONTHLY = "MONTHLY";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** {@code SYSTEM} (the self-serve ladder), {@code DEBTOR} or {@code AGENT}. */
    @Column(name = "made_by", nullable = false)
    public String by;

    /** {@code PAY_IN_FULL}, {@code INSTALLMENTS} or {@code SETTLEMENT}. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status = OfferStatus.OPEN;

    /** How many payments, the down payment included. */
    @Column(nullable = false)
    public int installments;

    /** {@code MONTHLY} for installments; null for a single payment. */
    @Column
    public String frequency;

    @Column(name = "first_due_date", nullable = false)
    public LocalDate firstDueDate;

    @Column(name = "down_payment")
    public BigDecimal downPayment;

    /** What the schedule adds up to. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who made it: {@code SYSTEM}, the debtor's id or the agent's id. */
    @Column(name = "author_id")
    public String authorId;

    /** The offer this one counters (which was rejected by it). */
    @Column(name = "counter_of")
    public UUID counterOf;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Why it was rejected, withdrawn or held for approval. */
    @Column
    public String reason;

    public boolean isOpenAt(Instant now) {
        return status == OfferStatus.OPEN && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Decides the offer: {@code outcome} ({@code ACCEPTED}, {@code REJECTED}, {@code WITHDRAWN}, {@code EXPIRED}),
     * by {@code by} at {@code at}, for {@code why} (null keeps the reason it has); refused (409
     * {@code illegal-move}) when the offer was decided already.
     */
    public void decide(OfferStatus outcome, String by, Instant at, String why) {
        status = StatusMoves.checked("offer", id, status, outcome);
        decidedBy = by;
        decidedAt = at;
        if (why != null) {
            reason = why;
        }
    }

    /** An agent's settlement beyond their limit waits for a supervisor ({@code why}). */
    public void awaitApproval(String why) {
        status = StatusMoves.checked("offer", id, status, OfferStatus.AWAITING_APPROVAL);
        reason = why;
    }

    /** A supervisor approved it: open to the debtor's answer. */
    public void approved(String why) {
        status = StatusMoves.checked("offer", id, status, OfferStatus.OPEN);
        reason = why;
    }
}
