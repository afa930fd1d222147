package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of a loan's timeline: an event the loan emitted, or one about it that loan-service received. */
@Entity
@Table(name = "loan_event")
public class LoanEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "loan_event_seq")
    @SequenceGenerator(name = "loan_event_seq", sequenceName = "loan_event_seq", allocationSize = 50)
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
