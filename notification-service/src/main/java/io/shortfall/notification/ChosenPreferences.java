package io.shortfall.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/** What a borrower chose (PUT /api/preferences); without a row, the contact's zone and locale and the defaults. */
@Entity
@Table(name = "preference")
public class ChosenPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "borrower_id")
    public String borrowerId;

    /** The chosen IANA zone; null: the contact's. */
    @Column(name = "time_zone")
    public String timeZone;

    /** The chosen language code; null: the contact's locale. */
    @Column
    public String locale;

    @Column(name = "quiet_start", nullable = false)
    public LocalTime quietStart;

    @Column(name = "quiet_end", nullable = false)
    public LocalTime quietEnd;

    @Column(name = "cease_collection_contact", nullable = false)
    public boolean ceaseCollectionContact;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
