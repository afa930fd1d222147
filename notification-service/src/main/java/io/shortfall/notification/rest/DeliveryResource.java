package io.shortfall.notification.rest;

import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.repository.DeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Emails, for operators: what was sent, what waits, what failed. */
@Path("/api/deliveries")
@Authenticated
@Tag(name = "Deliveries", description = "Emails and their delivery, for operators")
public class DeliveryResource {

    private final DeliveryRepository deliveries;
    private final Caller caller;
    private final Clock clock;

    public DeliveryResource(DeliveryRepository deliveries, Caller caller, Clock clock) {
        this.deliveries = deliveries;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "listDeliveries", summary = "Emails, newest first, optionally by status (PENDING, SENDING, SENT, FAILED, SUPPRESSED)")
    public Uni<List<DeliveryView>> list(@QueryParam("status") @Size(max = Limits.NAME) String status,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        return deliveries.byStatus(parse(status), paging)
                .map(found -> found.stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("{id}/retry")
    @WithTransaction
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "retryDelivery", summary = "Send a FAILED email again: back to PENDING, due now, with a fresh set of attempts")
    public Uni<DeliveryView> retry(@PathParam("id") UUID id) {
        return deliveries.findById(id).map(delivery -> {
            if (delivery == null) {
                throw Problems.notFound("delivery", id);
            }
            switch (delivery.status) {
                case FAILED -> {
                    delivery.status = DeliveryStatus.PENDING;
                    delivery.attempts = 0;
                    delivery.nextAttemptAt = clock.instant();
                    Log.infof("email %s to %s retried by %s after: %s", delivery.id, delivery.recipient,
                            caller.id(), delivery.lastError);
                }
                case PENDING -> {
                    // Already waiting to be sent (a repeated retry): nothing to do.
                }
                case SENT -> throw Problems.conflict("already-sent", "email " + id + " was sent at "
                        + delivery.sentAt);
                case SUPPRESSED -> throw Problems.conflict("suppressed", "email " + id + " is not sent: "
                        + delivery.holdReason);
            }
            return DeliveryView.of(delivery);
        });
    }

    private static DeliveryStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "query", "one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
