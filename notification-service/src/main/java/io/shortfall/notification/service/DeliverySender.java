package io.shortfall.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.notification.Contact;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.Notification;
import io.shortfall.notification.config.MailConfig;
import io.shortfall.notification.domain.Backoff;
import io.shortfall.notification.domain.CollectionRules;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;
import io.shortfall.notification.repository.ContactRepository;
import io.shortfall.notification.repository.DeliveryRepository;
import io.shortfall.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the PENDING emails that are due and whose recipient's address is known (an event may arrive before the
 * borrower's contact: its email waits for it). Deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and
 * their outcome is recorded in the same transaction, so two replicas never send the same email; a crash between
 * the SMTP acceptance and the commit sends it again (SMTP offers no better). A failure is retried with
 * exponential backoff; after the last attempt the delivery is FAILED, for an operator to see.
 */
@ApplicationScoped
public class DeliverySender {

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final ContactRepository contacts;
    private final MailConfig config;
    private final Backoff backoff;
    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PreferenceService preferences;
    private final CollectionRules rules;
    private PeriodicJob job;

    public DeliverySender(DeliveryRepository deliveries, NotificationRepository notifications,
                          ContactRepository contacts, MailConfig config, Vertx vertx, Clock clock,
                          MeterRegistry metrics, PreferenceService preferences) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.contacts = contacts;
        this.config = config;
        this.backoff = new Backoff(config.firstBackoff(), config.maxBackoff(), config.maxAttempts());
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.preferences = preferences;
        this.rules = new CollectionRules(clock);
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, config.sendEvery(), "email sender", this::sendDue);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /**
     * One round: finds up to {@code batch-size} due deliveries, then claims, sends and records each in its own
     * transaction, so an email the SMTP server accepted is recorded SENT at once: a crash or a pod stopped in the
     * middle of a round sends at most the one email in flight again, never the ones before it. Emits how many
     * were sent.
     */
    public Uni<Integer> sendDue() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> deliveries.dueIds(clock.instant(), config.batchSize()))
                .chain(ids -> sendEach(ids, 0, 0, context));
    }

    /** Claims, sends and records {@code ids[i]}, then the next ones, one transaction each, in order. */
    private Uni<Integer> sendEach(List<UUID> ids, int i, int sent, Context context) {
        if (i == ids.size()) {
            return Uni.createFrom().item(sent);
        }
        UUID id = ids.get(i);
        return Panache.withTransaction(() -> deliveries.claim(id, clock.instant())
                        .chain(delivery -> delivery == null ? Uni.createFrom().item(0)
                                : send(List.of(delivery), context)))
                // One email whose outcome cannot be recorded (it stays PENDING, due) does not hold up the others.
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("email %s: its outcome was not recorded, it stays due: %s", id, failure.toString());
                    return 0;
                })
                .emitOn(task -> context.runOnContext(v -> task.run()))
                .chain(count -> sendEach(ids, i + 1, sent + count, context));
    }

    private Uni<Integer> send(List<Delivery> batch, Context context) {
        List<UUID> notificationIds = batch.stream().map(d -> d.notificationId).toList();
        List<String> recipients = batch.stream().map(d -> d.recipient).distinct().toList();
        Instant now = clock.instant();
        return notifications.byIds(notificationIds).chain(found -> contacts.byIds(recipients).chain(people -> {
            Map<UUID, Notification> byId = found.stream().collect(Collectors.toMap(n -> n.id, Function.identity()));
            Map<String, Contact> byBorrower = people.stream()
                    .collect(Collectors.toMap(c -> c.borrowerId, Function.identity()));
            List<String> debtors = batch.stream().filter(d -> d.collection).map(d -> d.recipient).distinct()
                    .toList();
            return deliveries.lockCollectionsOf(debtors).chain(locked -> preferences.of(recipients, byBorrower)
                    .chain(prefs -> deliveries.collectionsSentSince(recipients, now.minus(CollectionRules.WINDOW))
                    .chain(history -> {
                        // A debtor whose collection emails another replica is deciding right now waits a round.
                        List<Delivery> sendable = batch.stream()
                                .filter(d -> !d.collection || locked.contains(d.recipient))
                                .filter(d -> allowed(d, byId.get(d.notificationId), prefs.get(d.recipient),
                                        history))
                                .toList();
                        // One after the other, in the order they became due: the warning before the call.
                        return Multi.createFrom().iterable(sendable)
                                .onItem().transformToUniAndConcatenate(d -> attempt(d, byId.get(d.notificationId),
                                        byBorrower.get(d.recipient), prefs.get(d.recipient)))
                                .collect().asList()
                                .emitOn(task -> context.runOnContext(v -> task.run()))
                                .map(outcomes -> (int) outcomes.stream().filter(this::record).count());
                    })));
        }));
    }

    /**
     * Applies the collection rules to one claimed delivery: true to send it now; otherwise it is deferred (still
     * PENDING, due later) or SUPPRESSED. {@code history} gains the emails this round is about to send, so one
     * round never sends more than the cap allows.
     */
    private boolean allowed(Delivery delivery, Notification notification, Preferences prefs,
                            Map<String, List<Instant>> history) {
        List<Instant> sent = history.computeIfAbsent(delivery.recipient, r -> new ArrayList<>());
        CollectionRules.Decision decision = rules.decide(notification.type, prefs.zone(), prefs.quietHours(),
                prefs.ceaseCollectionContact(), sent);
        if (decision instanceof CollectionRules.Defer defer) {
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
        if (notification.type.collection()) {
            sent.add(clock.instant());
        }
        return true;
    }

    /** What became of one attempt: {@code failure} is null when the SMTP server accepted the email. */
    private record Outcome(Delivery delivery, Notification notification, Throwable failure) {
    }

    /** Renders and sends one email; never fails, the failure is in the outcome. */
    private Uni<Outcome> attempt(Delivery delivery, Notification notification, Contact contact,
                                 Preferences prefs) {
        return Uni.createFrom().deferred(() -> {
                    // Worded as of the debtor's day now, not when the event arrived: it may have been held back.
                    Notice notice = Notices.stored(notification.eventType, notification.payload)
                            .asOf(clock.instant().atZone(prefs.zone()).toLocalDate());
                    return notice.email(contact.name == null ? "" : contact.name, prefs.lang())
                            .to(contact.email)
                            .subject(notice.title(prefs.lang()))
                            .send();
                })
                .map(sent -> new Outcome(delivery, notification, null))
                .onFailure().recoverWithItem(failure -> new Outcome(delivery, notification, failure));
    }

    /** Records the outcome on the delivery (committed with the claim); returns whether the email was sent. */
    private boolean record(Outcome outcome) {
        Delivery delivery = outcome.delivery();
        if (outcome.failure() != null) {
            failed(delivery, outcome.notification(), outcome.failure());
            return false;
        }
        delivery.status = DeliveryStatus.SENT;
        delivery.sentAt = clock.instant();
        delivery.lastError = null;
        metrics.counter("shortfall.emails.sent", "type", outcome.notification().type.name()).increment();
        return true;
    }

    private void failed(Delivery delivery, Notification notification, Throwable failure) {
        delivery.attempts++;
        delivery.lastError = String.valueOf(failure.getMessage());
        Instant now = clock.instant();
        if (backoff.exhausted(delivery.attempts)) {
            delivery.status = DeliveryStatus.FAILED;
            metrics.counter("shortfall.emails.failed", "type", notification.type.name()).increment();
            Log.warnf("email %s to %s FAILED after %d attempts: %s", delivery.id, delivery.recipient,
                    delivery.attempts, failure.toString());
        } else {
            delivery.nextAttemptAt = now.plus(backoff.delayAfter(delivery.attempts));
            Log.infof("email %s to %s failed (attempt %d), next at %s: %s", delivery.id, delivery.recipient,
                    delivery.attempts, delivery.nextAttemptAt, failure.toString());
        }
    }
}
