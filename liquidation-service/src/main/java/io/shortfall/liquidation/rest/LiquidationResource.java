package io.shortfall.liquidation.rest;

import io.shortfall.kit.rest.Limits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.LiquidationFill;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.repository.FillRepository;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.service.SaleWorker;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/liquidations")
@Authenticated
@Tag(name = "Liquidations", description = "Sales of collateral and their receipts")
public class LiquidationResource {

    private final LiquidationRepository liquidations;
    private final FillRepository fills;
    private final LiquidationConfig config;
    private final Caller caller;
    private final SaleWorker worker;

    public LiquidationResource(LiquidationRepository liquidations, FillRepository fills, LiquidationConfig config,
                               Caller caller, SaleWorker worker) {
        this.worker = worker;
        this.liquidations = liquidations;
        this.fills = fills;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "listLiquidations", summary = "Liquidations with their receipts, newest first: a borrower's own; staff filter by "
            + "loanId and borrowerId")
    public Uni<List<LiquidationView>> list(@QueryParam("loanId") @Size(max = Limits.NAME) String loanId,
                                           @QueryParam("borrowerId") @Size(max = Limits.NAME) String borrowerId,
                                           @QueryParam("status") @Size(max = Limits.NAME) String status,
                                           @QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        var paging = Paging.page(page, size);
        String owner = caller.isStaff() ? borrowerId : caller.id();
        return liquidations.search(loanId(loanId), owner, status(status), paging).chain(found -> fills.of(found.stream().map(l -> l.id)
                        .toList())
                .map(all -> {
                    Map<UUID, List<LiquidationFill>> byLiquidation = all.stream()
                            .collect(Collectors.groupingBy(f -> f.liquidationId));
                    return found.stream().map(l -> LiquidationView.of(l, byLiquidation.getOrDefault(l.id, List.of()),
                            config.currency())).toList();
                }));
    }

    /** Parsed here, not by JAX-RS: a malformed one is a 400 naming the field, not a bare 404. */
    private static UUID loanId(String loanId) {
        if (loanId == null || loanId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(loanId.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("loanId", "query", "must be a UUID");
        }
    }

    private static LiquidationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LiquidationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "query", "must be one of " + java.util.Arrays.toString(LiquidationStatus.values()));
        }
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "getLiquidation", summary = "The liquidation receipt: each fill, proceeds, floor credit, gross, fee, debt, surplus "
            + "or shortfall")
    public Uni<LiquidationView> get(@PathParam("id") UUID id) {
        return liquidations.findById(id)
                .invoke(liquidation -> {
                    if (liquidation == null || !caller.maySee(liquidation.borrowerId)) {
                        throw Problems.notFound("liquidation", id);
                    }
                })
                .chain(this::receipt);
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "retryLiquidation", summary = "Sell a STUCK liquidation again, under the same client order ids (nothing is sold twice)")
    public Uni<LiquidationView> retry(@PathParam("id") UUID id) {
        return Panache.withSession(() -> liquidations.findById(id)
                .invoke(liquidation -> {
                    if (liquidation == null) {
                        throw Problems.notFound("liquidation", id);
                    }
                    if (liquidation.status != LiquidationStatus.STUCK) {
                        throw Problems.conflict("not-stuck", "only a STUCK liquidation is retried; this one is "
                                + liquidation.status);
                    }
                })
                .chain(() -> worker.retry(id))
                .chain(this::receipt))
                .invoke(worker::kick);
    }

    private Uni<LiquidationView> receipt(Liquidation liquidation) {
        return fills.of(List.of(liquidation.id))
                .map(found -> LiquidationView.of(liquidation, found, config.currency()));
    }
}
