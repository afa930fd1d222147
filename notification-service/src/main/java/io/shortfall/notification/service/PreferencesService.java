package io.shortfall.notification.service;

import io.shortfall.events.NotificationEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.notification.Recipient;
import io.shortfall.notification.ChosenPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and changes borrowers' preferences; the caller provides the session or transaction. */
@ApplicationScoped
public class PreferencesService {

    private final Clock clock;
    private final Outbox outbox;

    public PreferencesService(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The preferences in effect for {@code borrowerId}. */
    public Uni<PreferencesInEffect> of(String borrowerId) {
        return ChosenPreferences.<ChosenPreferences>findById(borrowerId).chain(chosen -> Recipient.<Recipient>findById(borrowerId)
                .map(recipient -> PreferencesInEffect.of(chosen, recipient)));
    }

    /** The preferences in effect for each of {@code borrowerIds}, given their contacts. */
    public Uni<Map<String, PreferencesInEffect>> of(Collection<String> borrowerIds, Map<String, Recipient> recipients) {
        if (borrowerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return ChosenPreferences.<ChosenPreferences>list("borrowerId in ?1", List.copyOf(borrowerIds)).map(found -> {
            Map<String, ChosenPreferences> chosen = found.stream()
                    .collect(Collectors.toMap(p -> p.borrowerId, Function.identity()));
            return borrowerIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                    id -> PreferencesInEffect.of(chosen.get(id), recipients.get(id))));
        });
    }

    /**
     * Stores {@code wanted} as the borrower's choice. The time zone and the locale are stored only when
     * {@code zoneChosen} / {@code langChosen} (now or before): otherwise they keep following the contact's. A
     * change of either is published ({@code PreferencesChanged}): the zone chosen is the borrower's zone of record
     * for debt-collection-service too.
     */
    public Uni<PreferencesInEffect> choose(String borrowerId, PreferencesInEffect wanted, boolean zoneChosen, boolean langChosen) {
        return ChosenPreferences.<ChosenPreferences>findById(borrowerId).chain(existing -> {
            ChosenPreferences p = existing != null ? existing : new ChosenPreferences();
            String zoneBefore = existing != null ? existing.timeZone : null;
            String localeBefore = existing != null ? existing.locale : null;
            p.borrowerId = borrowerId;
            p.timeZone = zoneChosen ? wanted.zone().getId() : zoneBefore;
            p.locale = langChosen ? wanted.lang().code() : localeBefore;
            p.quietStart = wanted.quietHours().start();
            p.quietEnd = wanted.quietHours().end();
            p.ceaseCollectionContact = wanted.ceaseCollectionContact();
            p.updatedAt = clock.instant();
            Uni<Void> told = Objects.equals(zoneBefore, p.timeZone) && Objects.equals(localeBefore, p.locale)
                    ? Uni.createFrom().voidItem()
                    : outbox.publish(Topics.NOTIFICATION_EVENTS,
                    new NotificationEvents.PreferencesChanged(borrowerId, p.timeZone, p.locale)).replaceWithVoid();
            return (existing != null ? Uni.createFrom().item(p) : p.<ChosenPreferences>persist()).chain(() -> told)
                    .replaceWith(wanted);
        });
    }
}
