package io.shortfall.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.outbox.OutboxRelay;
import io.shortfall.notification.Recipient;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.Notification;
import io.shortfall.notification.config.MailConfig;
import io.shortfall.notification.domain.Backoff;
import io.shortfall.notification.domain.CollectionRules;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.domain.ClaimLease;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;
import io.shortfall.notification.repository.RecipientRepository;
import io.shortfall.notification.repository.DeliveryRepository;
import io.shortfall.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the emails that are due and whose recipient's address is known (an event may arrive before the
 * borrower's contact: its email waits for it), most urgent first ({@code NotificationType.Priority}): a crash's
 * warnings, margin calls and liquidation notices never wait behind receipts.
 *
 * <p>A round claims up to {@code batch-size} due emails in one transaction ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas take different ones; the collection rules are decided there, under each debtor's advisory lock, so the
 * 7-in-7 cap holds across replicas): each allowed one becomes SENDING until {@code claim-lease} from now, a lease
 * spent as {@link ClaimLease} says. With a rate limit a round claims no more than it can start in its window. They are then
 * sent {@code concurrency} at a time over pooled SMTP connections, at most {@code max-per-second}, one recipient's in
 * the order they became due; an email whose claim would lapse before the SMTP server could answer is given back
 * (due again at once) rather than risk a second sender. The outcomes are recorded as they come, up to
 * {@value #RECORD_AT_ONCE} (or what {@link #RECORD_EVERY} gathered) in one statement, each only while its claim
 * is still this round's. Should that statement fail, each of its outcomes is recorded alone, so one
 * that cannot be recorded never takes the others with it. A failure is retried with exponential backoff; after
 * the last attempt the email is FAILED, for an operator to see.
 *
 * <p>A sender stopped between the SMTP acceptance and that record leaves the email SENDING; once the claim lapses
 * it is sent again, with the same {@code Message-ID} ({@code <delivery id>@shortfall}), which mail clients show once.
 * Every email carries {@code X-Shortfall-Notification} (its type) and {@code X-Shortfall-Event} (the event it tells
 * of). A full round is followed at once by the next; new emails wake the sender ({@link #wake()}).
 *
 * <p>An email recorded SENT is announced on {@code notification.events} ({@code EmailSent}, with the loan or case
 * it was about) in the same statement, so each accepted email is announced once and none that was not.
 */
@ApplicationScoped
public class DeliverySender {

    /** The most outcomes one statement records. */
    static final int RECORD_AT_ONCE = 50;
    /** The longest an outcome waits for others to be recorded with. */
    static final Duration RECORD_EVERY = Duration.ofMillis(200);

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final MailConfig config;
    private final Backoff backoff;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PreferencesService preferences;
    private final CollectionRules rules;
    private final Pool pool;
    private final SendRate rate;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private PeriodicJob job;

    public DeliverySender(DeliveryRepository deliveries, NotificationRepository notifications,
                          RecipientRepository recipients, MailConfig config, Vertx vertx, Clock clock,
                          MeterRegistry metrics, PreferencesService preferences, Pool pool, Outbox outbox,
                          OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.recipients = recipients;
        this.config = config;
        this.backoff = new Backoff(config.firstBackoff(), config.maxBackoff(), config.maxAttempts());
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.preferences = preferences;
        this.rules = new CollectionRules(clock);
        this.pool = pool;
        this.rate = new SendRate(vertx, config.maxPerSecond());
        ClaimLease.check(config.maxPerSecond(), config.claimLease());
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, config.sendEvery(), "email sender",
                () -> sendDue().map(claimed -> claimed >= roundSize()));
    }

    /** How many emails a round claims at most: a round that claimed as many is followed at once by the next. */
    private int roundSize() {
        return ClaimLease.roundSize(config.batchSize(), config.maxPerSecond(), config.claimLease());
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** New emails were committed: a round now rather than at the next interval. */
    public void wake() {
        if (job != null) {
            job.runNow();
        }
    }

    /** One email claimed for sending, with what it needs. */
    private record Claimed(Delivery delivery, Notification notification, Recipient recipient,
                           PreferencesInEffect prefs) {
    }

    /**
     * What became of one email: {@code attempted} false when it was not sent (its claim would have lapsed first);
     * else {@code failure} is null when the SMTP server accepted the email, whose subject was {@code subject} and
     * which was about {@code loanId} and {@code caseId} (read from the event it told of; null when it named none, or
     * could not even be written).
     */
    private record Outcome(Claimed claimed, boolean attempted, String subject, UUID loanId, UUID caseId,
                           Throwable failure) {

        static Outcome notAttempted(Claimed claimed) {
            return new Outcome(claimed, false, null, null, null, null);
        }

        boolean accepted() {
            return attempted && failure == null;
        }

        boolean failed() {
            return attempted && failure != null;
        }
    }

    /** One round: claims, then sends what it claimed. Emits how many it claimed (sent or not). */
    public Uni<Integer> sendDue() {
        // The EmailSent events the round wrote are published by one relay round after it, not one per email.
        return Panache.withTransaction(this::claim)
                .chain(claimed -> sendAll(claimed).invoke(() -> {
                    if (!claimed.isEmpty()) {
                        relay.wake();
                    }
                }).replaceWith(claimed.size()));
    }

    /** Claims the due emails the collection rules allow now: SENDING until the lease ends. */
    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        return deliveries.due(now, roundSize())
                .chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(List.<Claimed>of());
            }
            List<UUID> notificationIds = batch.stream().map(d -> d.notificationId).toList();
            List<String> recipientIds = batch.stream().map(d -> d.recipient).distinct().toList();
            return notifications.byIds(notificationIds).chain(found -> recipients.byIds(recipientIds).chain(people -> {
                Map<UUID, Notification> byId = found.stream()
                        .collect(Collectors.toMap(n -> n.id, Function.identity()));
                Map<String, Recipient> byBorrower = people.stream()
                        .collect(Collectors.toMap(c -> c.borrowerId, Function.identity()));
                List<String> debtors = batch.stream().filter(d -> d.collection).map(d -> d.recipient).distinct()
                        .toList();
                return deliveries.lockCollectionsOf(debtors).chain(locked -> preferences.of(recipientIds, byBorrower)
                        .chain(prefs -> deliveries.collectionsSentSince(debtors, now.minus(CollectionRules.WINDOW), now)
                                .map(history -> {
                                    List<Claimed> claimed = new ArrayList<>();
                                    Instant until = now.plus(config.claimLease()).truncatedTo(ChronoUnit.MICROS); // as stored
                                    for (Delivery d : batch) {
                                        // A debtor whose collection emails another replica is deciding waits a round.
                                        if (d.collection && !locked.contains(d.recipient)) {
                                            continue;
                                        }
                                        Notification n = byId.get(d.notificationId);
                                        if (allowed(d, n, prefs.get(d.recipient), history)) {
                                            d.status = DeliveryStatus.SENDING;
                                            d.claimedUntil = until;
                                            claimed.add(new Claimed(d, n, byBorrower.get(d.recipient),
                                                    prefs.get(d.recipient)));
                                        }
                                    }
                                    return claimed;
                                })));
            }));
        });
    }

    /**
     * Applies the collection rules to one due email: true to send it now; otherwise it is deferred (still PENDING,
     * due later) or SUPPRESSED. {@code history} gains the emails this round is about to send, so one round never
     * sends more than the cap allows.
     */
    private boolean allowed(Delivery delivery, Notification notification, PreferencesInEffect prefs,
                            Map<String, List<Instant>> history) {
        if (!delivery.collection) {
            delivery.holdReason = null;
            return true;
        }
        List<Instant> sent = history.computeIfAbsent(delivery.recipient, r -> new ArrayList<>());
        CollectionRules.Decision decision = rules.decide(notification.type, prefs.zone(), prefs.quietHours(),
                prefs.ceaseCollectionContact(), sent);
        if (decision instanceof CollectionRules.Defer defer) {
            delivery.status = DeliveryStatus.PENDING;
            delivery.nextAttemptAt = defer.until();
            delivery.holdReason = defer.reason();
            Log.infof("email %s to %s held until %s: %s", delivery.id, delivery.recipient, defer.until(),
                    defer.reason());
            return false;
        }
        if (decision instanceof CollectionRules.Suppress suppress) {
            delivery.status = DeliveryStatus.SUPPRESSED;
            delivery.holdReason = suppress.reason();
            Log.infof("email %s to %s suppressed: %s", delivery.id, delivery.recipient, suppress.reason());
            return false;
        }
        delivery.holdReason = null;
        sent.add(clock.instant());
        return true;
    }

    /**
     * Sends the claimed emails, {@code concurrency} recipients at a time, each recipient's in order, and records
     * their outcomes in groups as they come.
     */
    private Uni<Void> sendAll(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<Claimed>> byRecipient = new LinkedHashMap<>();
        claimed.forEach(c -> byRecipient.computeIfAbsent(c.delivery().recipient, r -> new ArrayList<>()).add(c));
        return Multi.createFrom().iterable(byRecipient.values())
                .onItem().transformToMulti(ofOne -> Multi.createFrom().iterable(ofOne)
                        .onItem().transformToUniAndConcatenate(c -> rate.permit().chain(() -> attempt(c))))
                .merge(Math.max(1, config.concurrency()))
                .group().intoLists().of(RECORD_AT_ONCE, RECORD_EVERY)
                .onOverflow().bufferUnconditionally()   // groups formed while one is being recorded wait for their turn
                .onItem().transformToUniAndConcatenate(this::record)
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Renders and sends one email; never fails, the failure is in the outcome. Sends nothing when the email's claim
     * would lapse before the SMTP server had its time to answer and the answer its time to be recorded (a round
     * slowed down): it is given back, due at once, for the next round, so no other sender takes it while it is sent.
     */
    private Uni<Outcome> attempt(Claimed c) {
        Duration lease = config.claimLease();
        Duration timeout = ClaimLease.smtpTimeout(lease);
        Instant startBy = c.delivery().claimedUntil.minus(lease).plus(ClaimLease.sendingWindow(lease));
        if (clock.instant().isAfter(startBy)) {
            Log.infof("email %s to %s: its claim lapses before it could be sent; given back for the next round",
                    c.delivery().id, c.delivery().recipient);
            return Uni.createFrom().item(Outcome.notAttempted(c));
        }
        String[] subject = new String[1];
        UUID[] about = new UUID[2];
        return Uni.createFrom().deferred(() -> {
                    JsonNode payload = Notices.tree(c.notification().eventType, c.notification().payload);
                    about[0] = uuidOrNull(payload.get("loanId"));
                    about[1] = uuidOrNull(payload.get("caseId"));
                    // Worded as of the debtor's day now, not when the event arrived: it may have been held back.
                    Notice notice = Notices.stored(c.notification().eventType, payload)
                            .asOf(clock.instant().atZone(c.prefs().zone()).toLocalDate());
                    Mail headers = new Mail()
                            .addHeader("Message-ID", "<" + c.delivery().id + "@shortfall>")
                            .addHeader("X-Shortfall-Notification", c.notification().type.name())
                            .addHeader("X-Shortfall-Event", String.valueOf(c.notification().eventId));
                    subject[0] = notice.title(c.prefs().lang());
                    return notice.email(c.recipient().name == null ? "" : c.recipient().name, c.prefs().lang())
                            .mail(headers)
                            .to(c.recipient().email)
                            .subject(subject[0])
                            .send();
                })
                .ifNoItem().after(timeout).failWith(() -> new IllegalStateException("not accepted in " + timeout))
                .map(sent -> new Outcome(c, true, subject[0], about[0], about[1], null))
                .onFailure().recoverWithItem(failure -> new Outcome(c, true, subject[0], about[0], about[1], failure));
    }

    /**
     * Records {@code outcomes}: the accepted ones SENT, each with its EmailSent, in one statement (should it fail,
     * one statement each); the ones not attempted due again at once; the failed ones each in its own statement. A
     * failure to record leaves the claim to lapse.
     */
    private Uni<Void> record(List<Outcome> outcomes) {
        List<Outcome> sent = outcomes.stream().filter(Outcome::accepted).toList();
        List<Outcome> givenBack = outcomes.stream().filter(o -> !o.attempted()).toList();
        Uni<Void> recorded = sent.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.createFrom().deferred(() -> recordSent(sent)).onFailure().recoverWithUni(failure ->
                        sent.size() == 1 ? notRecorded(sent, failure) : eachAlone(sent, this::recordSent));
        return recorded
                .chain(() -> givenBack.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().deferred(() -> giveBack(givenBack))
                        .onFailure().recoverWithUni(failure -> notRecorded(givenBack, failure)))
                .chain(() -> eachAlone(outcomes.stream().filter(Outcome::failed).toList(),
                        failed -> recordFailure(failed.get(0))));
    }

    /**
     * Emails claimed but not sent: due again at once, for the next round (of any replica). Each only while the claim
     * is still this round's (as every record here): one another sender has taken since is left to it.
     */
    private Uni<Void> giveBack(List<Outcome> notSent) {
        return pool.preparedQuery("""
                        update delivery d set status = 'PENDING', claimed_until = null
                        from unnest($1::uuid[], $2::timestamptz[]) as c(id, until)
                        where d.id = c.id and d.status = 'SENDING' and d.claimed_until = c.until""")
                .execute(Tuple.tuple().addArrayOfUUID(ids(notSent)).addArrayOfOffsetDateTime(claims(notSent)))
                .replaceWithVoid();
    }

    private static UUID[] ids(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> o.claimed().delivery().id).toArray(UUID[]::new);
    }

    /** Until when each was claimed by this round: what the records check, so they change only this round's claims. */
    private static OffsetDateTime[] claims(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> OffsetDateTime.ofInstant(o.claimed().delivery().claimedUntil, ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
    }

    /** Records each of {@code outcomes} with a statement of its own. */
    private static Uni<Void> eachAlone(List<Outcome> outcomes, Function<List<Outcome>, Uni<Void>> recording) {
        return Multi.createFrom().iterable(outcomes)
                .onItem().transformToUniAndConcatenate(one -> Uni.createFrom().deferred(() -> recording.apply(List.of(one)))
                        .onFailure().recoverWithUni(failure -> notRecorded(List.of(one), failure)))
                .collect().last()
                .replaceWithVoid();
    }

    /** SENT, and its EmailSent, for each of {@code sent}, in one statement: for each email both or neither. */
    private Uni<Void> recordSent(List<Outcome> sent) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int n = sent.size();
        UUID[] deliveryIds = new UUID[n];
        UUID[] eventIds = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            Outbox.Row row = outbox.row(Topics.NOTIFICATION_EVENTS, emailSent(sent.get(i), now.toInstant()));
            deliveryIds[i] = sent.get(i).claimed().delivery().id;
            eventIds[i] = row.eventId();
            topics[i] = row.topic();
            keys[i] = row.key();
            types[i] = row.type();
            envelopes[i] = row.value();
        }
        return pool.preparedQuery("""
                        with sent as (
                            update delivery d set status = 'SENT', sent_at = $1, last_error = null,
                                                  claimed_until = null, hold_reason = null
                            from unnest($2::uuid[], $8::timestamptz[]) as c(id, until)
                            where d.id = c.id and d.status = 'SENDING' and d.claimed_until = c.until
                            returning d.id)
                        insert into outbox (event_id, topic, message_key, type, envelope, created_at)
                        select e.event_id, e.topic, e.message_key, e.type, e.envelope, $1
                        from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
                             with ordinality as e(delivery_id, event_id, topic, message_key, type, envelope, n)
                        join sent on sent.id = e.delivery_id
                        order by e.n""")
                .execute(Tuple.tuple().addOffsetDateTime(now).addArrayOfUUID(deliveryIds).addArrayOfUUID(eventIds)
                        .addArrayOfString(topics).addArrayOfString(keys).addArrayOfString(types)
                        .addArrayOfString(envelopes).addArrayOfOffsetDateTime(claims(sent)))
                .invoke(() -> sent.forEach(o -> metrics.counter("shortfall.emails.sent", "type",
                        o.claimed().notification().type.name()).increment()))
                .replaceWithVoid();
    }

    /** The failure of one attempt: due again after its backoff, or FAILED after the last attempt. */
    private Uni<Void> recordFailure(Outcome outcome) {
        Delivery d = outcome.claimed().delivery();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int attempts = d.attempts + 1;
        boolean exhausted = backoff.exhausted(attempts);
        String error = String.valueOf(outcome.failure().getMessage());
        OffsetDateTime next = exhausted ? OffsetDateTime.ofInstant(d.nextAttemptAt, ZoneOffset.UTC)
                : now.plus(backoff.delayAfter(attempts));
        if (exhausted) {
            metrics.counter("shortfall.emails.failed", "type", outcome.claimed().notification().type.name())
                    .increment();
            Log.warnf("email %s to %s FAILED after %d attempts: %s", d.id, d.recipient, attempts, error);
        } else {
            Log.infof("email %s to %s failed (attempt %d), next at %s: %s", d.id, d.recipient, attempts, next,
                    error);
        }
        return pool.preparedQuery("""
                        update delivery set status = $1, attempts = $2, next_attempt_at = $3, last_error = $4,
                                            claimed_until = null
                        where id = $5 and status = 'SENDING' and claimed_until = $6""")
                .execute(Tuple.of(exhausted ? "FAILED" : "PENDING", attempts, next, error, d.id,
                        OffsetDateTime.ofInstant(d.claimedUntil, ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static Uni<Void> notRecorded(List<Outcome> outcomes, Throwable failure) {
        Log.warnf("emails %s: their outcomes were not recorded; each is taken again once its claim lapses: %s",
                Arrays.toString(ids(outcomes)), failure.toString());
        return Uni.createFrom().voidItem();
    }

    /** What an accepted email says of itself. */
    private static NotificationEvents.EmailSent emailSent(Outcome outcome, Instant at) {
        Notification n = outcome.claimed().notification();
        return new NotificationEvents.EmailSent(outcome.claimed().delivery().id, n.recipient, n.type.name(),
                outcome.subject(), n.eventId, n.eventType, outcome.loanId(), outcome.caseId(), at);
    }

    private static UUID uuidOrNull(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
