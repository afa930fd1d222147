package io.shortfall.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.domain.DeliveryStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /**
     * Up to {@code limit} emails due at {@code now} whose recipient's address is known, locked ({@code SKIP LOCKED}:
     * another replica's round takes others), most urgent first, then in the order their events occurred (a margin
     * call before the liquidation notice that followed it, whichever topic was consumed first): PENDING ones
     * whose time has come, and SENDING ones whose claim lapsed (their sender stopped before recording the outcome).
     * Must run inside the transaction that claims them.
     */
    public Uni<List<Delivery>> due(Instant now, int limit) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select d.* from delivery d
                        where ((d.status = 'PENDING' and d.next_attempt_at <= :now)
                               or (d.status = 'SENDING' and d.claimed_until <= :now))
                          and exists (select 1 from contact c where c.borrower_id = d.recipient and c.email is not null)
                        order by d.priority, d.occurred_at, d.id
                        limit :limit
                        for update of d skip locked""", Delivery.class)
                .setParameter("now", at)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<List<Delivery>> ofNotifications(List<UUID> notificationIds) {
        return notificationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("notificationId in ?1", notificationIds);
    }

    /** The advisory lock key that serializes the collection emails of one debtor across replicas. */
    public static String collectionLockKey(String recipient) {
        return "notification-collection:" + recipient;
    }

    /**
     * Takes, for each of {@code recipients}, the transaction-scoped advisory lock on their collection emails if no
     * other transaction (another replica's round) holds it; returns those it got. Holding it while reading what
     * was sent and deciding keeps the 7-in-7 cap exact when replicas send at the same time.
     */
    public Uni<Set<String>> lockCollectionsOf(List<String> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select recipient from unnest(cast(:recipients as text[])) as r(recipient)
                        where pg_try_advisory_xact_lock(hashtext(:prefix || recipient))""", String.class)
                .setParameter("recipients", recipients.toArray(String[]::new))
                .setParameter("prefix", collectionLockKey(""))
                .getResultList()
                .map(HashSet::new));
    }

    /**
     * When each of {@code recipients}' collection emails sent after {@code since} were sent; one being sent right now
     * counts as sent when it was claimed.
     */
    public Uni<Map<String, List<Instant>>> collectionsSentSince(List<String> recipients, Instant since, Instant now) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("collection = true and ((status = ?1 and sentAt > ?3) or status = ?4) and recipient in ?2",
                DeliveryStatus.SENT, recipients, since, DeliveryStatus.SENDING)
                .map(sent -> sent.stream().collect(Collectors.groupingBy(d -> d.recipient,
                        Collectors.mapping(d -> d.sentAt != null ? d.sentAt : now, Collectors.toList()))));
    }

    public Uni<List<Delivery>> byStatus(DeliveryStatus status, Page page) {
        return status == null ? findAll(NEWEST_FIRST).page(page).list()
                : find("status", NEWEST_FIRST, status).page(page).list();
    }
}
