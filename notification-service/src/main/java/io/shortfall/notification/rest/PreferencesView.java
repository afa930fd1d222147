package io.shortfall.notification.rest;

import io.shortfall.kit.rest.Limits;
import io.shortfall.notification.service.PreferencesInEffect;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A borrower's preferences in effect (docs/API.md): {@code timeZone} (IANA id), {@code locale} ({@code en} or
 * {@code de}), {@code quietHours} {@code {start, end}} as {@code HH:mm} in that zone, {@code ceaseCollectionContact}.
 */
public record PreferencesView(@NotNull String timeZone, @NotNull String locale, @NotNull QuietHoursView quietHours,
                              @NotNull Boolean ceaseCollectionContact) {

    /** Quiet hours as {@code HH:mm} in the borrower's zone; both are given, in a request too. */
    public record QuietHoursView(@Schema(required = true) @Size(max = Limits.CODE) String start,
                                 @Schema(required = true) @Size(max = Limits.CODE) String end) {
    }

    public static PreferencesView of(PreferencesInEffect p) {
        return new PreferencesView(p.zone().getId(), p.lang().code(),
                new QuietHoursView(p.quietHours().start().toString(), p.quietHours().end().toString()),
                p.ceaseCollectionContact());
    }
}
