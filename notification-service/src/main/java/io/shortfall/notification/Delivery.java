package io.shortfall.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.notification.domain.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The email of a notification: at most one per notification. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    /** Failed attempts so far. */
    @Column(nullable = false)
    public int attempts;

    /** Not sent before this instant (the backoff after a failure). */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the event it tells of occurred: a recipient's emails of one priority go out in this order. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** A collection email: quiet hours, the 7-in-7 cap and a cease request apply. */
    @Column(nullable = false)
    public boolean collection;

    /** {@link io.shortfall.notification.domain.NotificationType.Priority}'s ordinal: lower is sent first. */
    @Column(nullable = false)
    public short priority;

    /** SENDING until then: a sender that stopped lets the claim lapse and the email is sent again. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** Why the email waits until {@link #nextAttemptAt} or was SUPPRESSED; null when nothing holds it. */
    @Column(name = "hold_reason")
    public String holdReason;
}
