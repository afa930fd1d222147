package io.shortfall.notification.rest;

import jakarta.validation.Valid;
import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.Size;
import io.shortfall.notification.service.Preferences;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A borrower's preferences (docs/API.md): {@code timeZone} (IANA id), {@code locale} ({@code en} or {@code de}),
 * {@code quietHours} {@code {start, end}} as {@code HH:mm} in that zone, {@code ceaseCollectionContact}.
 */
public record PreferencesView(@Size(max = Limits.NAME) String timeZone, @Size(max = Limits.CODE) String locale,
                              @Valid QuietHoursView quietHours,
                              Boolean ceaseCollectionContact) {

    public record QuietHoursView(@Schema(required = true) @Size(max = Limits.CODE) String start,
                                 @Schema(required = true) @Size(max = Limits.CODE) String end) {
    }

    public static PreferencesView of(Preferences p) {
        return new PreferencesView(p.zone().getId(), p.lang().code(),
                new QuietHoursView(p.quietHours().start().toString(), p.quietHours().end().toString()),
                p.ceaseCollectionContact());
    }
}
