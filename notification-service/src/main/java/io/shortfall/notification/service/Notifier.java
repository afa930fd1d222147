package io.shortfall.notification.service;

import io.shortfall.events.DebtEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;
import io.shortfall.notification.repository.RecipientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
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


    private final RecipientRepository recipients;
    private final Clock clock;
    private final FeedStream feed;

    public Notifier(RecipientRepository recipients, Clock clock, FeedStream feed) {
        this.recipients = recipients;
        this.clock = clock;
        this.feed = feed;
    }

    /** Applies one event inside the consumer's transaction; events that tell the borrower nothing are ignored. */
    public Uni<Void> apply(EventEnvelope envelope) {
        boolean borrowerContact = envelope.typeIn(LoanEvents.Type.class).orElse(null)
                == LoanEvents.Type.BORROWER_CONTACT;
        if (!borrowerContact && !Notices.mayTell(envelope)) {
            return Uni.createFrom().voidItem();
        }
        EventPayload payload = EventJson.payload(envelope);
        if (payload instanceof LoanEvents.BorrowerContact contact) {
            return recipients.upsert(contact, occurredAt(envelope));
        }
        Optional<Notice> notice;
        try {
            notice = Notices.of(payload);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(envelope.type() + " " + envelope.eventId() + ": " + e.getMessage());
        }
        Uni<Void> recorded = notice.map(n -> record(envelope, n)).orElseGet(() -> Uni.createFrom().voidItem());
        if (payload instanceof DebtEvents.CaseEscalated escalated) {
            // the batch's emails gathered so far are written first, so one about the case just before is stopped too
            return recorded.chain(this::flush).chain(() -> stopCollecting(escalated));
        }
        return recorded;
    }

    /**
     * A case passed on to an external stage: the collection emails about it still waiting (quiet hours, the cap)
     * are not sent. debt-collection-service makes no new ones (no reminders, offers or plan changes while escalated);
     * the escalation's own notice is not a collection email and goes out.
     */
    private Uni<Void> stopCollecting(DebtEvents.CaseEscalated escalated) {
        String why = "case escalated to " + escalated.stage() + ": the lender no longer contacts the debtor about it";
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update delivery d set status = 'SUPPRESSED', hold_reason = :why
                        from notification n
                        where n.id = d.notification_id and d.status = 'PENDING' and d.collection
                          and cast(n.payload as jsonb) ->> 'caseId' = :caseId""")
                        .setParameter("why", why).setParameter("caseId", escalated.caseId().toString())
                        .executeUpdate())
                .invoke(stopped -> {
                    if (stopped > 0) {
                        Log.infof("case %s escalated: %d collection email(s) not sent", escalated.caseId(), stopped);
                    }
                })
                .replaceWithVoid();
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
        return rows.isEmpty() ? Uni.createFrom().voidItem() : write(rows);
    }

    /**
     * One statement for the notifications and their emails (one per event and recipient: a repeat changes
     * nothing), then one that hands the new ones to the live feed, delivered when the transaction commits.
     */
    private Uni<Void> write(List<Row> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[] events = new UUID[n];
        String[] eventTypes = new String[n];
        String[] recipients = new String[n];
        String[] types = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] payloads = new String[n];
        String[] createdAt = new String[n];
        String[] occurredAt = new String[n];
        UUID[] deliveries = new UUID[n];
        Boolean[] collection = new Boolean[n];
        Short[] priorities = new Short[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.id();
            events[i] = row.envelope().eventId();
            eventTypes[i] = row.envelope().type();
            recipients[i] = row.notice().recipient();
            types[i] = row.notice().type().name();
            titles[i] = row.notice().title();
            bodies[i] = row.notice().summary();
            payloads[i] = row.envelope().payload().toString();
            createdAt[i] = row.at().toString();
            occurredAt[i] = occurredAt(row.envelope()).toString();
            deliveries[i] = row.deliveryId();
            collection[i] = row.notice().type().collection();
            priorities[i] = (short) row.notice().type().priority().ordinal();
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(WRITE, UUID.class)
                    .setParameter("ids", ids)
                    .setParameter("events", events)
                    .setParameter("eventTypes", eventTypes)
                    .setParameter("recipients", recipients)
                    .setParameter("types", types)
                    .setParameter("titles", titles)
                    .setParameter("bodies", bodies)
                    .setParameter("payloads", payloads)
                    .setParameter("createdAt", createdAt)
                    .setParameter("occurredAt", occurredAt)
                    .setParameter("deliveries", deliveries)
                    .setParameter("collection", collection)
                    .setParameter("priorities", priorities);
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

    /**
     * The notifications and their emails (one per event and recipient: a repeat changes nothing), from one array
     * per column; emits the ids of the notifications it created.
     */
    private static final String WRITE = """
            with v (id, event_id, event_type, recipient, type, title, body, payload, created_at, occurred_at,
                    delivery_id, collection, priority) as (
                select * from unnest(cast(:ids as uuid[]), cast(:events as uuid[]), cast(:eventTypes as text[]),
                                     cast(:recipients as text[]), cast(:types as text[]), cast(:titles as text[]),
                                     cast(:bodies as text[]), cast(:payloads as text[]),
                                     cast(cast(:createdAt as text[]) as timestamptz[]),
                                     cast(cast(:occurredAt as text[]) as timestamptz[]), cast(:deliveries as uuid[]),
                                     cast(:collection as boolean[]), cast(:priorities as smallint[]))),
            created as (
                insert into notification (id, event_id, event_type, recipient, type, title, body, payload, created_at)
                select id, event_id, event_type, recipient, type, title, body, payload, created_at from v
                on conflict (event_id, recipient) do nothing
                returning id),
            emails as (
                insert into delivery (id, notification_id, recipient, status, attempts, next_attempt_at, created_at,
                                      collection, priority, occurred_at)
                select v.delivery_id, v.id, v.recipient, 'PENDING', 0, v.created_at, v.created_at, v.collection,
                       v.priority, v.occurred_at
                from v join created on created.id = v.id
                returning notification_id)
            select notification_id from emails""";

    /** Delivered to the feed's listeners when the transaction commits, never if it rolls back. */
    private static Uni<Void> notifyFeed(org.hibernate.reactive.mutiny.Mutiny.Session session, List<String> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var query = session.createNativeQuery(
                        "select count(pg_notify(:channel, item)) from unnest(cast(:items as text[])) as i(item)", Long.class)
                .setParameter("channel", FeedStream.CHANNEL)
                .setParameter("items", items.toArray(String[]::new));
        return query.getSingleResult().replaceWithVoid();
    }

    private Instant occurredAt(EventEnvelope envelope) {
        return envelope.occurredAt() != null ? envelope.occurredAt() : clock.instant();
    }
}
