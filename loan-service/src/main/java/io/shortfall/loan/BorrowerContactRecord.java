package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The contact details last sent for a borrower in a {@code BorrowerContact} event. */
@Entity
@Table(name = "borrower_contact")
public class BorrowerContactRecord extends PanacheEntityBase {

    @Id
    @Column(name = "borrower_id")
    public String borrowerId;

    public String email;

    public String name;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
