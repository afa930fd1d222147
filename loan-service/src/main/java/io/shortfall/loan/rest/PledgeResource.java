package io.shortfall.loan.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.idempotency.IdempotentRequests;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.loan.service.BorrowerContacts;
import io.shortfall.loan.service.Pledges;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Collateral the caller pledges from a reserve to secure one of their debt cases. */
@Path("/api/pledges")
@Authenticated
@Tag(name = "Pledges", description = "Collateral pledged from a reserve to secure a debt case")
public class PledgeResource {

    private final Pledges pledges;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final BorrowerContacts contacts;

    public PledgeResource(Pledges pledges, IdempotentRequests idempotency, Caller caller, BorrowerContacts contacts) {
        this.pledges = pledges;
        this.idempotency = idempotency;
        this.caller = caller;
        this.contacts = contacts;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "listPledges", summary = "The caller's pledges, newest first, paged by ?page=&size=")
    public Uni<List<PledgeView>> list(@QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        return pledges.of(caller.id(), Paging.page(page, size)).map(list -> list.stream().map(PledgeView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "201", description = "The pledge, HELD",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PledgeView.class)))
    @Operation(operationId = "pledgeCollateral", summary = "Pledge collateral from the caller's reserve to secure one of their debt cases",
            description = "Takes the quantity from the reserve at once (422 insufficient-reserve when it holds less) "
                    + "and answers the pledge, HELD. debt-collection-service puts it before an agent, who accepts or "
                    + "declines it; a pledge it cannot take (not the caller's case, a closed or escalated one, a case "
                    + "already secured by another) is RETURNED to the reserve with the reason. An accepted pledge is "
                    + "held until the case is settled, then RETURNED; if the plan breaks it is sold (SELLING, SOLD) "
                    + "and the proceeds pay the debt, anything beyond it credited to the USDT balance. Requires an "
                    + "Idempotency-Key.")
    public Uni<Response> pledge(@HeaderParam(IdempotentRequests.HEADER) String key,
                                @Valid @NotNull PledgeRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/pledges", request),
                        () -> contacts.refresh(CallerContact.of(caller))
                                .chain(() -> pledges.pledge(caller.id(), request.caseId(), request.asset(),
                                        request.quantity()))
                                .map(p -> Response.status(Response.Status.CREATED).entity(PledgeView.of(p)).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }
}
