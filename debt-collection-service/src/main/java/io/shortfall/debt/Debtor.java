package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What this service keeps of a borrower: their name and time zone, as their identity provider gives them
 * (loan-service's {@code BorrowerContact}), and the zone they chose in their notification preferences
 * ({@code PreferencesChanged}).
 */
@Entity
@Table(name = "debtor")
public class Debtor extends PanacheEntityBase {

    @Id
    public String id;

    /** IANA id; due dates are calendar dates in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The zone the debtor chose; null: {@link #timeZone} holds. */
    @Column(name = "chosen_time_zone")
    public String chosenTimeZone;

    /** As the identity provider gives it, for the agents; null until a contact names them. */
    @Column(name = "name")
    public String name;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The zone of record: the one chosen, else the identity provider's. */
    public String zone() {
        return chosenTimeZone != null ? chosenTimeZone : timeZone;
    }
}
