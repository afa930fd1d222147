package io.shortfall.notification.rest;

import io.shortfall.notification.service.Preferences;

/**
 * A borrower's preferences (API.md): {@code timeZone} (IANA id), {@code locale} ({@code en} or {@code de}),
 * {@code quietHours} {@code {start, end}} as {@code HH:mm} in that zone, {@code ceaseCollectionContact}.
 */
public record PreferencesView(String timeZone, String locale, QuietHoursView quietHours,
                              Boolean ceaseCollectionContact) {

    public record QuietHoursView(String start, String end) {
    }

    public static PreferencesView of(Preferences p) {
        return new PreferencesView(p.zone().getId(), p.lang().code(),
                new QuietHoursView(p.quietHours().start().toString(), p.quietHours().end().toString()),
                p.ceaseCollectionContact());
    }
}
