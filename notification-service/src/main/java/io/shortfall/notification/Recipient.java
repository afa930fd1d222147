package io.shortfall.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How to reach a borrower, from the latest {@code BorrowerContact} event. */
@Entity
@Table(name = "contact")
public class Recipient extends PanacheEntityBase {

    @Id
    @Column(name = "borrower_id")
    public String borrowerId;

    /** Null when the borrower's token had no email: their emails wait until one is known. */
    public String email;

    public String name;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    /** When the event that set this contact occurred; an older event never overwrites a newer one. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
