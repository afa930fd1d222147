package io.shortfall.margin.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.margin.repository.PriceRepository;
import io.shortfall.margin.service.Breakers;
import io.shortfall.margin.service.OperatorTicks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Path("/api/prices")
@Authenticated
@Tag(name = "Prices", description = "Prices posted by operators and feeds; the latest per asset")
public class PriceResource {

    private final OperatorTicks ticks;
    private final PriceRepository prices;
    private final Breakers breakers;
    private final Caller caller;
    private final Clock clock;

    public PriceResource(OperatorTicks ticks, PriceRepository prices, Breakers breakers, Caller caller, Clock clock) {
        this.ticks = ticks;
        this.prices = prices;
        this.breakers = breakers;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "202", description = "The tick, written to market.prices; evaluated when consumed back",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.shortfall.events.PriceTick.class)))
    @Operation(operationId = "submitPrice", summary = "Publish a price tick on market.prices",
            description = "Accepted (202): the tick is evaluated when consumed from market.prices, like a feed's.")
    public Uni<Response> submit(@Valid PriceRequest request) {
        if (request == null) {
            throw Problems.invalid("price", "a body {\"asset\", \"price\", \"source\"} is required");
        }
        return ticks.submit(request.asset(), request.price(), request.source(), caller.id())
                .map(tick -> Response.accepted(tick).build());
    }

    @GET
    @WithSession
    @Operation(operationId = "listPrices", summary = "The latest price per asset, with its age in seconds")
    public Uni<List<PriceView>> latest() {
        Instant now = clock.instant();
        return breakers.all().chain(all -> {
            Set<String> tripped = all.stream().filter(b -> b.tripped).map(b -> b.asset).collect(Collectors.toSet());
            return prices.decided().chain(decided -> prices.listAll().map(list -> list.stream()
                    .sorted(Comparator.comparing(p -> p.asset))
                    .map(p -> PriceView.of(p, now, tripped.contains(p.asset), decided.get(p.asset)))
                    .toList()));
        });
    }
}
