package io.shortfall.notification.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.sql.Chunks;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;
import io.shortfall.notification.repository.ContactRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** One notification and its email, to write. */
    private record Row(UUID id, EventEnvelope envelope, Notice notice, Instant at, UUID deliveryId) {
    }

    private static final String ROWS = Notifier.class.getName() + ".rows";

    private Uni<Void> record(EventEnvelope envelope, Notice notice) {
        if (notice.recipient() == null || notice.recipient().isBlank()) {
            throw new PoisonEventException(envelope.type() + " " + envelope.eventId() + " names no borrower");
        }
        Row row = new Row(UUID.randomUUID(), envelope, notice, clock.instant(), UUID.randomUUID());
        Optional<List<Row>> batch = BatchScope.get(ROWS);
        if (batch.isPresent()) {
            batch.get().add(row);
            return Uni.createFrom().voidItem();
        }
        return write(List.of(row));
    }

    /** Before a batch: its notifications are gathered and written together by {@link #flush()}. */
    public void collect() {
        BatchScope.put(ROWS, new ArrayList<Row>());
    }

    /** Writes what the batch gathered; inside its transaction. */
    public Uni<Void> flush() {
        List<Row> rows = BatchScope.<List<Row>>get(ROWS).orElse(List.of());
        BatchScope.put(ROWS, new ArrayList<Row>());
        Uni<Void> all = Uni.createFrom().voidItem();
        for (List<Row> chunk : Chunks.of(rows)) {
            all = all.chain(() -> write(chunk));
        }
        return all;
    }

    /**
     * One statement for the notifications and their emails (one per event and recipient: a repeat changes
     * nothing), then one that hands the new ones to the live feed, delivered when the transaction commits.
     */
    private Uni<Void> write(List<Row> rows) {
        StringBuilder sql = new StringBuilder("""
                with v (id, event_id, event_type, recipient, type, title, body, payload, created_at, delivery_id,
                        collection, priority) as (values\s""");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("(cast(:id%1$d as uuid), cast(:e%1$d as uuid), :et%1$d, :r%1$d, "
                    + ":t%1$d, :ti%1$d, :b%1$d, :p%1$d, cast(:at%1$d as timestamptz), cast(:d%1$d as uuid), "
                    + "cast(:c%1$d as boolean), cast(:pr%1$d as smallint))").formatted(i));
        }
        sql.append("""
                ),
                created as (
                    insert into notification (id, event_id, event_type, recipient, type, title, body, payload, created_at)
                    select id, event_id, event_type, recipient, type, title, body, payload, created_at from v
                    on conflict (event_id, recipient) do nothing
                    returning id),
                emails as (
                    insert into delivery (id, notification_id, recipient, status, attempts, next_attempt_at, created_at,
                                          collection, priority)
                    select v.delivery_id, v.id, v.recipient, 'PENDING', 0, v.created_at, v.created_at, v.collection,
                           v.priority
                    from v join created on created.id = v.id
                    returning notification_id)
                select notification_id from emails""");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                OffsetDateTime at = OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC);
                query.setParameter("id" + i, row.id())
                        .setParameter("e" + i, row.envelope().eventId())
                        .setParameter("et" + i, row.envelope().type())
                        .setParameter("r" + i, row.notice().recipient())
                        .setParameter("t" + i, row.notice().type().name())
                        .setParameter("ti" + i, row.notice().title())
                        .setParameter("b" + i, row.notice().summary())
                        .setParameter("p" + i, row.envelope().payload().toString())
                        .setParameter("at" + i, at)
                        .setParameter("d" + i, row.deliveryId())
                        .setParameter("c" + i, row.notice().type().collection())
                        .setParameter("pr" + i, (short) row.notice().type().priority().ordinal());
            }
            return query.getResultList().chain(created -> {
                Set<UUID> made = new HashSet<>(created);
                List<String> items = new ArrayList<>();
                for (Row row : rows) {
                    if (made.contains(row.id())) {
                        items.add(feed.payload(FeedStream.Item.of(row.id(), row.notice(), row.at())));
                    } else {
                        Log.infof("%s %s already notified to %s", row.envelope().type(), row.envelope().eventId(),
                                row.notice().recipient());
                    }
                }
                return notifyFeed(session, items);
            });
        });
    }

    /** Delivered to the feed's listeners when the transaction commits, never if it rolls back. */
    private static Uni<Void> notifyFeed(org.hibernate.reactive.mutiny.Mutiny.Session session, List<String> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("select count(pg_notify(:channel, item)) from (values ");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(:i").append(i).append(" as text))");
        }
        sql.append(") as items (item)");
        var query = session.createNativeQuery(sql.toString(), Long.class).setParameter("channel", FeedStream.CHANNEL);
        for (int i = 0; i < items.size(); i++) {
            query.setParameter("i" + i, items.get(i));
        }
        return query.getSingleResult().replaceWithVoid();
    }

    private Instant occurredAt(EventEnvelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : clock.instant();
    }
}
