package io.shortfall.debt.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** A debtor's debt cases; agents, supervisors and operators see any case. */
@Path("/api/debts")
@Authenticated
public class DebtResource {

    private final DebtCaseRepository cases;
    private final DebtCaseViews views;
    private final Caller caller;

    public DebtResource(DebtCaseRepository cases, DebtCaseViews views, Caller caller) {
        this.cases = cases;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(summary = "The caller's own debt cases, newest first")
    public Uni<List<DebtSummaryView>> list(@QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        return cases.byDebtor(caller.id(), Paging.page(page, size))
                .map(list -> list.stream().map(DebtSummaryView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "One case: balance, status, receipt, offers and timeline")
    public Uni<DebtCaseView> get(@PathParam("id") UUID id) {
        return visible(id).chain(views::view);
    }

    @GET
    @Path("{id}/offers")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "The self-serve ladder and every offer made on a case, each with its exact schedule")
    public Uni<List<OfferView>> offers(@PathParam("id") UUID id) {
        return visible(id).chain(views::offers);
    }

    /** The case, if the caller may see it: its debtor or staff. Anyone else gets the same 404 as for no case. */
    private Uni<DebtCase> visible(UUID id) {
        return cases.findById(id).invoke(debtCase -> {
            if (debtCase == null || !caller.maySee(debtCase.debtorId)) {
                throw Problems.notFound("debt case", id);
            }
        });
    }
}
