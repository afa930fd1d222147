package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a loan's timeline: an event the loan emitted, or one about it that loan-service received. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "loan_event")
public class LoanTimelineEntry extends PanacheEntityBase {

    /** From {@code loan_event_seq}, in the order entries were written ({@code LoanEventLog} writes them, in SQL). */
    @Id
    public Long id;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The event's payload, JSON, as it travelled. */
    @Column(nullable = false)
    public String payload;
}
