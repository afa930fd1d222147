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

/** A reminder sent for an installment (each kind and day once). */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "n")
    public int n;

    @Column(name = "kind")
    public String kind;

    @Column(name = "days_past_due")
    public int daysPastDue;

    @Column(name = "sent_on")
    public LocalDate sentOn;
}
