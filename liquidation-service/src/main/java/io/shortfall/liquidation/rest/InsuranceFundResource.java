package io.shortfall.liquidation.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.security.Roles;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.repository.InsuranceFundDrawRepository;
import io.shortfall.liquidation.service.InsuranceFundLedger;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/insurance-fund")
@Authenticated
@Tag(name = "Insurance fund", description = "The fund that takes NON_RECOURSE shortfalls")
public class InsuranceFundResource {

    private final InsuranceFundLedger fund;
    private final InsuranceFundDrawRepository draws;
    private final LiquidationConfig config;

    public InsuranceFundResource(InsuranceFundLedger fund, InsuranceFundDrawRepository draws,
                                 LiquidationConfig config) {
        this.fund = fund;
        this.draws = draws;
        this.config = config;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "getInsuranceFund", summary = "The insurance fund's balance and its draws (NON_RECOURSE shortfalls), newest first, "
            + "paged by ?page=&size=")
    public Uni<InsuranceFundView> get(@QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        return fund.balance().chain(balance -> draws.newestFirst(config.currency(), paging)
                .map(list -> new InsuranceFundView(config.currency(), balance,
                        config.insuranceFund().initialBalance().setScale(2),
                        list.stream().map(InsuranceFundView.Draw::of).toList())));
    }
}
