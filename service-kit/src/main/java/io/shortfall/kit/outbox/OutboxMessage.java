package io.shortfall.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting to be published, or published at {@link #publishedAt}. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The record key; null only for a dead-lettered record that came without one. */
    @Column(name = "message_key")
    public String messageKey;

    @Column(nullable = false)
    public String type;

    /** The whole envelope, exactly as it goes on the wire. */
    @Column(nullable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Extra record headers as a JSON object (a dead-lettered record's reason and origin), or null. */
    public String headers;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** When the relay gave up on this row: the broker refused it for good ({@link #parkReason}). */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;
}
