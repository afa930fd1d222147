package io.shortfall.kit.projections;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * How to reach a borrower, from the latest {@code BorrowerContact} event a service consumed: the shape of the row
 * each service that writes to borrowers keeps in its own database, with an entity of its own.
 */
@MappedSuperclass
public abstract class LatestBorrowerContact extends PanacheEntityBase {

    @Id
    @Column(name = "borrower_id")
    public String borrowerId;

    /** Null when the borrower's token had no email. */
    public String email;

    public String name;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    /** When the event that set this contact occurred; an older event never overwrites a newer one. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
