package io.shortfall.notification.rest;

import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.QuietHours;
import io.shortfall.notification.service.PreferencesService;
import io.shortfall.notification.service.PreferencesInEffect;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The caller's own preferences: time zone, locale, quiet hours and a cease-collection-contact request. */
@Path("/api/preferences")
@Authenticated
@Tag(name = "Preferences", description = "Time zone, language, quiet hours and cease requests")
public class PreferencesResource {

    private final PreferencesService preferences;
    private final Caller caller;

    public PreferencesResource(PreferencesService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "getPreferences", summary = "The caller's preferences in effect (their choice, else their contact's zone and locale)")
    public Uni<PreferencesView> get() {
        return preferences.of(caller.id()).map(PreferencesView::of);
    }

    @PUT
    @WithTransaction
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "updatePreferences", summary = "Change the caller's preferences; an omitted field keeps its value")
    public Uni<PreferencesView> put(@Valid PreferencesRequest request) {
        if (request == null) {
            throw Problems.invalid("body", "the preferences are required");
        }
        String id = caller.id();
        return preferences.of(id).chain(current -> preferences.choose(id, merge(current, request),
                        request.timeZone() != null, request.locale() != null))
                .map(PreferencesView::of);
    }

    /** {@code request} over {@code current}; every given field must be valid, named in the 400 if not. */
    static PreferencesInEffect merge(PreferencesInEffect current, PreferencesRequest request) {
        ZoneId zone = current.zone();
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                throw Problems.invalid("timeZone", "an IANA time zone such as Europe/Berlin");
            }
        }
        Lang lang = current.lang();
        if (request.locale() != null) {
            lang = Lang.supported(request.locale())
                    .orElseThrow(() -> Problems.invalid("locale", "one of en, de"));
        }
        QuietHours quiet = current.quietHours();
        if (request.quietHours() != null) {
            LocalTime start = time("quietHours.start", request.quietHours().start());
            LocalTime end = time("quietHours.end", request.quietHours().end());
            if (start.equals(end)) {
                throw Problems.invalid("quietHours.end", "must differ from the start");
            }
            quiet = new QuietHours(start, end);
        }
        boolean cease = request.ceaseCollectionContact() != null ? request.ceaseCollectionContact()
                : current.ceaseCollectionContact();
        return new PreferencesInEffect(zone, lang, quiet, cease);
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw Problems.invalid(field, "required, HH:mm");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "a time of day, HH:mm");
        }
    }
}
