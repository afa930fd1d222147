package io.shortfall.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.repository.DeliveryRepository;
import io.shortfall.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The borrower's in-app feed. */
@Path("/api/notifications")
@Authenticated
public class NotificationResource {

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final Caller caller;
    private final Clock clock;

    public NotificationResource(NotificationRepository notifications, DeliveryRepository deliveries, Caller caller,
                                Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(summary = "The caller's notifications, newest first, each with the state of its email")
    public Uni<List<NotificationView>> feed(@QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        return notifications.feedOf(caller.id(), Paging.page(page, size)).chain(found -> deliveries
                .ofNotifications(found.stream().map(n -> n.id).toList())
                .map(emails -> {
                    Map<UUID, Delivery> byNotification = emails.stream()
                            .collect(Collectors.toMap(d -> d.notificationId, Function.identity()));
                    return found.stream().map(n -> NotificationView.of(n, byNotification.get(n.id))).toList();
                }));
    }

    @POST
    @Path("{id}/read")
    @WithTransaction
    @RolesAllowed(Roles.BORROWER)
    @Operation(summary = "Mark one of the caller's notifications read (idempotent)")
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
                        .map(delivery -> NotificationView.of(notification, delivery)));
    }
}
