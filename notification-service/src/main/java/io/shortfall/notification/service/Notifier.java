package io.shortfall.notification.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;
import io.shortfall.notification.repository.ContactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into notifications: one feed item and one PENDING email per (event, recipient), in the
 * consumer's transaction. The unique constraint on (event_id, recipient) holds it to one even if the same
 * event reaches this service through another consumer or a replay; the sender sends the email later.
 */
@ApplicationScoped
public class Notifier {


    private final ContactRepository contacts;
    private final Clock clock;
    private final FeedStream feed;

    public Notifier(ContactRepository contacts, Clock clock, FeedStream feed) {
        this.contacts = contacts;
        this.clock = clock;
        this.feed = feed;
    }

    /** Applies one event inside the consumer's transaction; events that tell the borrower nothing are ignored. */
    public Uni<Void> apply(EventEnvelope envelope) {
        if (!"BorrowerContact".equals(envelope.type()) && !Notices.TYPES.contains(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        EventPayload payload = EventJson.payload(envelope);
        if (payload instanceof LoanEvents.BorrowerContact contact) {
            return contacts.upsert(contact, occurredAt(envelope));
        }
        Optional<Notice> notice;
        try {
            notice = Notices.of(payload);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(envelope.type() + " " + envelope.eventId() + ": " + e.getMessage());
        }
        return notice.map(n -> record(envelope, n)).orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> record(EventEnvelope envelope, Notice notice) {
        if (notice.recipient() == null || notice.recipient().isBlank()) {
            throw new PoisonEventException(envelope.type() + " " + envelope.eventId() + " names no borrower");
        }
        Instant at = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with created as (
                            insert into notification (id, event_id, event_type, recipient, type, title, body, payload,
                                                      created_at)
                            values (:id, :eventId, :eventType, :recipient, :type, :title, :body, :payload, :now)
                            on conflict (event_id, recipient) do nothing
                            returning id)
                        insert into delivery (id, notification_id, recipient, status, attempts, next_attempt_at,
                                              created_at, collection)
                        select :deliveryId, id, :recipient, :pending, 0, :now, :now, :collection from created""")
                        .setParameter("id", id)
                        .setParameter("eventId", envelope.eventId())
                        .setParameter("eventType", envelope.type())
                        .setParameter("recipient", notice.recipient())
                        .setParameter("type", notice.type().name())
                        .setParameter("title", notice.title())
                        .setParameter("body", notice.summary())
                        .setParameter("payload", envelope.payload().toString())
                        .setParameter("now", now)
                        .setParameter("deliveryId", UUID.randomUUID())
                        .setParameter("pending", DeliveryStatus.PENDING.name())
                        .setParameter("collection", notice.type().collection())
                        .executeUpdate()
                        .chain(created -> {
                            if (created == 0) {
                                Log.infof("%s %s already notified to %s", envelope.type(), envelope.eventId(),
                                        notice.recipient());
                                return Uni.createFrom().voidItem();
                            }
                            // Delivered to listeners when this transaction commits, never if it rolls back.
                            String item = feed.payload(FeedStream.Item.of(id, notice, at));
                            return session.createNativeQuery("select count(*) from (select pg_notify(:channel, "
                                            + ":item)) notified", Long.class)
                                    .setParameter("channel", FeedStream.CHANNEL)
                                    .setParameter("item", item)
                                    .getSingleResult()
                                    .replaceWithVoid();
                        }))
                .replaceWithVoid();
    }

    private Instant occurredAt(EventEnvelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : clock.instant();
    }
}
