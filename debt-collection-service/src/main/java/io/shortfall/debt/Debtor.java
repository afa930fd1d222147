package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What this service keeps of a borrower, from loan-service's {@code BorrowerContact}: their time zone. */
@Entity
@Table(name = "debtor")
public class Debtor extends PanacheEntityBase {

    @Id
    public String id;

    /** IANA id; due dates are calendar dates in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
