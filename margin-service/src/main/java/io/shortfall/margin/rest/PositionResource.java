package io.shortfall.margin.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/positions")
@Authenticated
@Tag(name = "Positions", description = "What margin-service knows of a loan: LTV, zone, margin calls")
public class PositionResource {

    private final PositionRepository positions;
    private final PriceRepository prices;
    private final Caller caller;

    public PositionResource(PositionRepository positions, PriceRepository prices, Caller caller) {
        this.positions = positions;
        this.prices = prices;
        this.caller = caller;
    }

    @GET
    @Path("{loanId}")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "getPosition", summary = "A loan's LTV, zone, thresholds and the price used")
    public Uni<PositionView> get(@PathParam("loanId") UUID loanId) {
        return positions.findById(loanId)
                .invoke(position -> {
                    if (position == null || !caller.maySee(position.borrowerId)) {
                        throw Problems.notFound("position", loanId);
                    }
                })
                .chain(position -> prices.findById(position.collateralAsset)
                        .map(price -> PositionView.of(position, price)));
    }
}
