package io.shortfall.liquidation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.shortfall.kit.rest.Limits;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Roles;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.service.SaleWorker;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The operators' view of liquidations not yet completed: the caps and the debt under them per asset
 * ({@code /api/queue/caps}, summed by the database), and the liquidations themselves, one page at a time
 * ({@code /api/queue}): stuck, selling, and the queue under the caps.
 */
@Path("/api/queue")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Queue", description = "Liquidations waiting and selling, and the caps")
public class QueueResource {

    /** One liquidation not completed; {@code position} is its place in its asset's queue (QUEUED only). */
    public record Entry(Integer position, @NotNull UUID id, @NotNull UUID loanId, @NotNull String borrowerId,
                        @NotNull String collateralAsset, @NotNull String status, @NotNull String policy,
                        BigDecimal ltv, @NotNull BigDecimal debt, @NotNull BigDecimal collateralToSell,
                        @NotNull int attempts, String lastError, Instant nextAttemptAt, @NotNull Instant startedAt) {
    }

    /** An asset's cap on debt in liquidation, the debt in liquidation now (selling or stuck) and how many wait. */
    public record Cap(@NotNull String asset, @NotNull BigDecimal cap, @NotNull BigDecimal inLiquidation,
                      @NotNull int waiting) {
    }

    private static final Set<LiquidationStatus> NOT_COMPLETED =
            Set.of(LiquidationStatus.QUEUED, LiquidationStatus.SELLING, LiquidationStatus.STUCK);

    private final LiquidationRepository liquidations;
    private final SaleWorker worker;

    public QueueResource(LiquidationRepository liquidations, SaleWorker worker) {
        this.liquidations = liquidations;
        this.worker = worker;
    }

    @GET
    @WithSession
    @Operation(operationId = "listQueue", summary = "Liquidations not completed, one page (?page= from 0, ?size= 1 to 100, 20 by default): "
            + "?status= QUEUED, SELLING or STUCK (default: the three, STUCK first, then SELLING, the oldest first, "
            + "then QUEUED per asset, worst LTV first, with its position), ?asset=")
    public Uni<List<Entry>> queue(@QueryParam("status") @Size(max = Limits.CODE) String status,
                                  @QueryParam("asset") @Size(max = Limits.CODE) String asset,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        LiquidationStatus wanted = status(status);
        var paging = Paging.page(page, size);
        String ofAsset = asset == null || asset.isBlank() ? null : asset.strip();
        return liquidations.notCompleted(wanted, ofAsset, paging).chain(found -> liquidations.positions(found.stream()
                        .filter(l -> l.status == LiquidationStatus.QUEUED).map(l -> l.id).toList())
                .map(positions -> found.stream().map(l -> entry(positions.get(l.id), l)).toList()));
    }

    @GET
    @Path("caps")
    @WithSession
    @Operation(operationId = "listCaps", summary = "Per asset with liquidations not completed: its cap on debt in liquidation, the debt in "
            + "liquidation now (SELLING and STUCK) and how many wait (QUEUED)")
    public Uni<List<Cap>> caps() {
        return liquidations.queuesByAsset().map(all -> all.stream()
                .map(q -> new Cap(q.asset(), worker.cap(q.asset()), q.inLiquidation(), q.waiting())).toList());
    }

    private static LiquidationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            LiquidationStatus parsed = LiquidationStatus.valueOf(status.strip());
            if (NOT_COMPLETED.contains(parsed)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw Problems.invalid("status", "query", "QUEUED, SELLING or STUCK");
    }

    private static Entry entry(Integer position, Liquidation l) {
        return new Entry(position, l.id, l.loanId, l.borrowerId, l.collateralAsset, l.status.name(), l.policy, l.ltv,
                l.debt, l.collateralToSell, l.attempts, l.lastError, l.nextAttemptAt, l.startedAt);
    }
}
