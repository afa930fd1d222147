package io.shortfall.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Roles;
import io.shortfall.notification.domain.DeliveryStatus;
import io.shortfall.notification.repository.DeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Arrays;
import java.util.List;

/** Emails, for operators: what was sent, what waits, what failed. */
@Path("/api/deliveries")
@Authenticated
public class DeliveryResource {

    private final DeliveryRepository deliveries;

    public DeliveryResource(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Emails, newest first, optionally by status (PENDING, SENT, FAILED)")
    public Uni<List<DeliveryView>> list(@QueryParam("status") String status,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        return deliveries.byStatus(parse(status), paging)
                .map(found -> found.stream().map(DeliveryView::of).toList());
    }

    private static DeliveryStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
