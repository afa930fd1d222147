package io.shortfall.loan.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.idempotency.IdempotentRequests;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.loan.service.AutoIncrease;
import io.shortfall.loan.service.Reserves;
import io.shortfall.loan.service.BorrowerContacts;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** A borrower's collateral reserves: what auto increase tops their loans up from. */
@Path("/api/reserves")
@Authenticated
@Tag(name = "Reserves", description = "Collateral reserves that auto increase tops loans up from")
public class ReserveResource {

    private final Reserves reserves;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final BorrowerContacts contacts;
    private final AutoIncrease autoIncrease;

    public ReserveResource(Reserves reserves, IdempotentRequests idempotency, Caller caller,
                           BorrowerContacts contacts, AutoIncrease autoIncrease) {
        this.contacts = contacts;
        this.autoIncrease = autoIncrease;
        this.reserves = reserves;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "listReserves", summary = "The caller's reserve balance in every supported asset")
    public Uni<List<Reserves.Balance>> list() {
        return reserves.of(caller.id());
    }

    @POST
    @Path("{asset}/deposits")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "200", description = "What the reserve holds after the deposit and any auto increase it made",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reserves.Balance.class)))
    @Operation(operationId = "depositToReserve", summary = "Add to the caller's reserve of an asset", description = "Requires an Idempotency-Key. Any of "
            + "the caller's loans in that asset with auto increase on that is at or past its margin call takes what "
            + "brings it back to its initial LTV at once (oldest loan first); the balance answered is what is left.")
    public Uni<Response> deposit(@PathParam("asset") @Size(max = Limits.CODE) String asset, @HeaderParam(IdempotentRequests.HEADER) String key,
                                 @Valid @NotNull AmountRequest request) {
        return idempotency.once(caller.id(), key, List.of("POST /api/reserves/" + asset + "/deposits", request),
                        () -> contacts.refresh(CallerContact.of(caller)).chain(() -> reserves.deposit(caller.id(), asset, request.amount()))
                                .call(() -> autoIncrease.afterDeposit(caller.id(), asset))
                                .chain(() -> reserves.balance(caller.id(), asset))
                                .map(left -> Response.ok(new Reserves.Balance(asset, left)).build()))
                .onFailure(LostRace::is).transform(LostRace::problem);
    }
}
