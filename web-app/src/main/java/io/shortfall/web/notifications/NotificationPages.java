package io.shortfall.web.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.notification.model.NotificationView;
import io.shortfall.client.notification.model.PreferencesRequest;
import io.shortfall.client.notification.model.PreferencesView;
import io.shortfall.client.notification.model.QuietHoursView;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.pages.Forms;
import io.shortfall.web.pages.Language;
import io.shortfall.web.pages.NotFound;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a borrower was told (the in-app feed: every notice, with what became of its email, brought up to date while
 * the page is open) and how they want to be told: time zone, language, quiet hours for collection emails, and a
 * request to stop collection contact.
 */
@Path("/")
@RolesAllowed("borrower")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    private static final int PAGE = 50;

    /** The service's name of each field the form shows, and the form's. */
    private static final Map<String, String> FIELDS = Map.of("timeZone", "timeZone", "locale", "locale",
            "quietHours.start", "quietStart", "quietHours.end", "quietEnd");

    /** The time zones offered first; any IANA zone may be typed. */
    static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "Europe/Paris", "Europe/Vienna",
            "Europe/Zurich", "America/New_York", "America/Los_Angeles", "Asia/Singapore", "Asia/Tokyo", "UTC");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(List<NotificationView> items);

        static native TemplateInstance feed$items(List<NotificationView> items);

        static native TemplateInstance preferences(PreferencesShown form, List<String> zones, String notice,
                                                   Map<String, String> errors, String problem);
    }

    /** The preferences form as shown: what is in effect, or what was typed when it was refused. */
    public record PreferencesShown(String timeZone, String locale, String quietStart, String quietEnd,
                                   boolean cease) {

        static PreferencesShown of(PreferencesView p) {
            return new PreferencesShown(p.getTimeZone(), p.getLocale(), p.getQuietHours().getStart(),
                    p.getQuietHours().getEnd(), Boolean.TRUE.equals(p.getCeaseCollectionContact()));
        }

        static PreferencesShown of(PreferencesForm f) {
            return new PreferencesShown(f.timeZone, f.locale, f.quietStart, f.quietEnd, f.cease());
        }
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Language language;

    @Inject
    FeedSignals signals;

    @GET
    @Path("notifications")
    public TemplateInstance feed() {
        return Templates.feed(latest());
    }

    /**
     * A {@code notice} server-sent event each time the borrower's feed has something new (and once when the page's
     * stream starts); the feed page then fetches its list again ({@link #items}).
     */
    @GET
    @Path("notifications/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        return signals.of(bearer.headers())
                .filter(event -> "ready".equals(event) || "notification".equals(event)
                        || FeedSignals.KEEP_ALIVE.equals(event))
                .map(event -> FeedSignals.KEEP_ALIVE.equals(event)
                        ? sse.newEventBuilder().comment("keep-alive").build()      // keeps proxies from closing it
                        : sse.newEventBuilder().name("notice").data(event).build());
    }

    /** The list alone, which the page fetches again when told of a notice (htmx). */
    @GET
    @Path("notifications/items")
    public TemplateInstance items() {
        return Templates.feed$items(latest());
    }

    @POST
    @Path("notifications/{id}/read")
    public Response read(@PathParam("id") String id) {
        UUID notification = NotFound.uuid(id);
        Call.of(() -> backends.notifications().markNotificationRead(notification, bearer.headers()));
        return Response.seeOther(URI.create("/notifications")).build();
    }

    private List<NotificationView> latest() {
        return Call.of(() -> backends.notifications().listNotifications(0, PAGE, bearer.headers()));
    }

    @GET
    @Path("preferences")
    public TemplateInstance preferences(@QueryParam("done") String done) {
        PreferencesView current = Call.of(() -> backends.preferences().getPreferences(bearer.headers()));
        return Templates.preferences(PreferencesShown.of(current), ZONES,
                "saved".equals(done) ? language.messages(NotificationMessages.class).saved() : null, Map.of(), null);
    }

    @POST
    @Path("preferences")
    public Response save(@BeanParam PreferencesForm form) {
        PreferencesRequest request = new PreferencesRequest()
                .timeZone(Forms.blankToNull(form.timeZone))
                .locale(Forms.blankToNull(form.locale))
                .quietHours(new QuietHoursView().start(form.quietStart).end(form.quietEnd))
                .ceaseCollectionContact(form.cease());
        try {
            Call.of(() -> backends.preferences().updatePreferences(request, bearer.headers()));
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            return Response.status(422).entity(Templates.preferences(PreferencesShown.of(form), ZONES, null,
                    e.fieldsAs(FIELDS), e.beyond(FIELDS.keySet()))).build();
        }
        return Response.seeOther(URI.create("/preferences?done=saved")).build();
    }
}
