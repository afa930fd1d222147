package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A contact an agent logged: channel, outcome, note. */
@Entity
@Table(name = "contact")
public class ContactAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "channel")
    public String channel;

    @Column(name = "outcome")
    public String outcome;

    @Column(name = "note")
    public String note;

    @Column(name = "at")
    public Instant at;
}
