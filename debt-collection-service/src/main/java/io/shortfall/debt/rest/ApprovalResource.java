package io.shortfall.debt.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shortfall.debt.Approval;
import io.shortfall.debt.domain.ApprovalStatus;
import io.shortfall.debt.repository.ApprovalRepository;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.service.Casework;
import io.shortfall.debt.service.DebtMetrics;
import io.shortfall.kit.rest.Limits;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Maker-checker (docs/DOMAIN.md, "Settlement"): settlements over the agent's limit and write-offs, decided by another supervisor. */
@Path("/api/approvals")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Approvals", description = "Maker-checker: settlements over the limit and write-offs")
public class ApprovalResource {

    public record ApprovalView(@NotNull UUID id, @NotNull UUID caseId, @NotNull String kind, UUID offerId,
                               @NotNull BigDecimal amount, String reason, @NotNull String requestedBy,
                               @NotNull Instant requestedAt, @NotNull String status, String decidedBy,
                               Instant decidedAt, String note) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.id, a.caseId, a.kind, a.offerId, a.amount, a.reason, a.requestedBy,
                    a.requestedAt, a.status.name(), a.decidedBy, a.decidedAt, a.note);
        }
    }

    public record DecisionRequest(@Size(max = Limits.TEXT) String note) {
    }

    private final Casework casework;
    private final Caller caller;
    private final DebtMetrics metrics;
    private final ApprovalRepository approvals;
    private final DebtCaseRepository cases;

    public ApprovalResource(Casework casework, Caller caller, DebtMetrics metrics, ApprovalRepository approvals,
                            DebtCaseRepository cases) {
        this.metrics = metrics;
        this.approvals = approvals;
        this.cases = cases;
        this.casework = casework;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(operationId = "listApprovals", summary = "Approvals, one page (?page= from 0, ?size= 1 to 100, 20 by default), oldest first: "
            + "?status= PENDING (default), APPROVED or REJECTED")
    public Uni<List<ApprovalView>> list(@QueryParam("status") @DefaultValue("PENDING") String status,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        ApprovalStatus wanted = Arrays.stream(ApprovalStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> Problems.invalid("status", "query", "PENDING, APPROVED or REJECTED"));
        var paging = Paging.page(page, size);
        return approvals.inStatus(wanted, paging)
                .map(list -> list.stream().map(ApprovalView::of).toList());
    }

    @POST
    @Path("{id}/approve")
    @Operation(operationId = "approveRequest", summary = "Approve (not the requester)")
    public Uni<ApprovalView> approve(@PathParam("id") UUID id, @Valid DecisionRequest body) {
        return decide(id, true, body);
    }

    @POST
    @Path("{id}/reject")
    @Operation(operationId = "rejectRequest", summary = "Reject (not the requester)")
    public Uni<ApprovalView> reject(@PathParam("id") UUID id, @Valid DecisionRequest body) {
        return decide(id, false, body);
    }

    private Uni<ApprovalView> decide(UUID id, boolean approve, DecisionRequest body) {
        String supervisor = caller.id();
        var currency = new java.util.concurrent.atomic.AtomicReference<String>();
        return Panache.withTransaction(() -> approvals.findById(id).chain(approval -> {
                    if (approval == null) {
                        throw Problems.notFound("approval", id);
                    }
                    return casework.decide(approval, supervisor, approve, body == null ? null : body.note())
                            .call(decided -> cases.findById(decided.caseId).invoke(c -> currency.set(c.currency)));
                }).map(ApprovalView::of))
                // counted once committed
                .invoke(view -> {
                    if (Approval.WRITE_OFF.equals(view.kind()) && ApprovalStatus.APPROVED.name().equals(view.status())) {
                        metrics.writtenOff(currency.get(), view.amount());
                    }
                });
    }
}
