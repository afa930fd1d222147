package io.shortfall.margin.rest;

import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.margin.service.Assets;
import io.shortfall.margin.service.Breakers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/breakers")
@Authenticated
@Tag(name = "Breakers", description = "The circuit breaker per asset")
public class BreakerResource {

    private final Breakers breakers;
    private final Assets assets;
    private final Caller caller;

    public BreakerResource(Breakers breakers, Assets assets, Caller caller) {
        this.breakers = breakers;
        this.assets = assets;
        this.caller = caller;
    }

    @POST
    @Path("{asset}/reset")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "resetBreaker", summary = "Re-enable automatic liquidation of an asset",
            description = "Lifts a tripped breaker (BreakerReset on margin.events); on a breaker that is not "
                    + "tripped it changes nothing. The next fresh tick may trigger liquidations again.")
    public Uni<BreakerView> reset(@PathParam("asset") @Size(max = Limits.CODE) String asset) {
        if (!assets.isKnown(asset)) {
            throw Problems.notFound("asset", asset);
        }
        return breakers.reset(asset, caller.id()).map(BreakerView::of);
    }
}
