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

/** A message on a case: from the debtor to the agents, or an agent's reply (the sender is not the debtor). */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "sender")
    public String sender;

    @Column(name = "text")
    public String text;

    @Column(name = "at")
    public Instant at;
}
