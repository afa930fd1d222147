package io.shortfall.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.repository.DeliveryRepository;
import io.shortfall.notification.repository.NotificationRepository;
import io.shortfall.notification.service.FeedStream;
import io.shortfall.notification.service.PreferencesService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The borrower's in-app feed, paged and live. */
@Path("/api/notifications")
@Authenticated
@Tag(name = "Notifications", description = "The in-app feed and its live stream")
public class NotificationResource {

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final Caller caller;
    private final Clock clock;
    private final FeedStream feed;
    private final ObjectMapper mapper;
    private final Duration heartbeatEvery;
    private final PreferencesService preferences;

    public NotificationResource(NotificationRepository notifications, DeliveryRepository deliveries, Caller caller,
                                Clock clock, FeedStream feed, ObjectMapper mapper,
                                @ConfigProperty(name = "shortfall.feed.heartbeat", defaultValue = "PT20S")
                                Duration heartbeatEvery, PreferencesService preferences) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.caller = caller;
        this.clock = clock;
        this.feed = feed;
        this.mapper = mapper;
        this.heartbeatEvery = heartbeatEvery;
        this.preferences = preferences;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "listNotifications", summary = "The caller's notifications, newest first, each with the state of its email")
    public Uni<List<NotificationView>> feed(@QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        String me = caller.id();
        return preferences.of(me).chain(prefs -> notifications.feedOf(me, paging).chain(found -> deliveries
                .ofNotifications(found.stream().map(n -> n.id).toList())
                .map(emails -> {
                    Map<UUID, Delivery> byNotification = emails.stream()
                            .collect(Collectors.toMap(d -> d.notificationId, Function.identity()));
                    return found.stream().map(n -> NotificationView.of(n, byNotification.get(n.id), prefs.lang()))
                            .toList();
                })));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "streamNotifications", summary = "The caller's new notifications, live (server-sent events): a 'ready' event once listening, "
            + "then one 'notification' event per new feed item")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        String me = caller.id();
        // The caller's language as they connect; then the live items, in it.
        return Panache.withSession(() -> preferences.of(me)).onItem().transformToMulti(prefs -> {
            Lang lang = prefs.lang();
            Multi<OutboundSseEvent> live = feed.of(me).map(item -> sse.newEventBuilder()
                    .name("notification")
                    .id(item.id().toString())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json(new NotificationView(item.id(), item.type(), item.title(lang), item.body(lang),
                            item.createdAt(), false, new NotificationView.Email(DeliveryStatus.PENDING.name(), 0))))
                    .build());
            // The live stream is subscribed first: anything after 'ready' reaches the client.
            Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready")
                    .data("{}").build());
            // A comment now and then keeps proxies from closing an idle stream and reveals a client that left.
            Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(heartbeatEvery)
                    .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
            return Multi.createBy().merging().streams(live, ready, heartbeat);
        });
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @Path("{id}/read")
    @WithTransaction
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "markNotificationRead", summary = "Mark one of the caller's notifications read (idempotent)")
    public Uni<NotificationView> read(@PathParam("id") UUID id) {
        return notifications.findById(id)
                .invoke(notification -> {
                    if (notification == null || !notification.recipient.equals(caller.id())) {
                        throw Problems.notFound("notification", id);
                    }
                    if (notification.readAt == null) {
                        notification.readAt = clock.instant();
                    }
                })
                .chain(notification -> deliveries.find("notificationId", notification.id).firstResult()
                        .chain(delivery -> preferences.of(notification.recipient)
                                .map(prefs -> NotificationView.of(notification, delivery, prefs.lang()))));
    }
}
