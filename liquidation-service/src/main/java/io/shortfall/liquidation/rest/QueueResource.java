package io.shortfall.liquidation.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shortfall.kit.security.Roles;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.domain.Admission;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.service.SaleWorker;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The operators' view of liquidations not yet completed: the caps, the queue under them, the sales, the stuck. */
@Path("/api/queue")
public class QueueResource {

    /** One liquidation not completed; {@code position} is its place in its asset's queue (QUEUED only). */
    public record Entry(Integer position, UUID id, UUID loanId, String borrowerId, String collateralAsset,
                        String status, String policy, BigDecimal ltv, BigDecimal debt, BigDecimal collateralToSell,
                        int attempts, String lastError, Instant nextAttemptAt, Instant startedAt) {
    }

    /** An asset's cap on debt in liquidation and the debt in liquidation now (selling or stuck). */
    public record Cap(String asset, BigDecimal cap, BigDecimal inLiquidation, int waiting) {
    }

    public record QueueView(List<Cap> caps, List<Entry> waiting, List<Entry> selling, List<Entry> stuck) {
    }

    private final LiquidationRepository liquidations;
    private final SaleWorker worker;

    public QueueResource(LiquidationRepository liquidations, SaleWorker worker) {
        this.liquidations = liquidations;
        this.worker = worker;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Liquidations waiting under each asset's cap (worst LTV first), selling, and stuck")
    public Uni<QueueView> queue() {
        return liquidations.inStatus(List.of(LiquidationStatus.QUEUED, LiquidationStatus.SELLING,
                LiquidationStatus.STUCK)).map(this::view);
    }

    private QueueView view(List<Liquidation> all) {
        Map<String, List<Liquidation>> byAsset = all.stream()
                .collect(Collectors.groupingBy(l -> l.collateralAsset, TreeMap::new, Collectors.toList()));
        List<Cap> caps = byAsset.entrySet().stream().map(e -> new Cap(e.getKey(), worker.cap(e.getKey()),
                SaleWorker.inLiquidation(e.getValue()),
                (int) e.getValue().stream().filter(l -> l.status == LiquidationStatus.QUEUED).count())).toList();
        List<Entry> waiting = byAsset.values().stream().flatMap(ofAsset -> {
            Map<UUID, Liquidation> queued = ofAsset.stream().filter(l -> l.status == LiquidationStatus.QUEUED)
                    .collect(Collectors.toMap(l -> l.id, l -> l));
            List<Admission.Waiting> ordered = Admission.ordered(queued.values().stream().map(SaleWorker::waiting)
                    .toList());
            return java.util.stream.IntStream.range(0, ordered.size())
                    .mapToObj(i -> entry(i + 1, queued.get(ordered.get(i).id())));
        }).toList();
        return new QueueView(caps, waiting, of(all, LiquidationStatus.SELLING), of(all, LiquidationStatus.STUCK));
    }

    private static List<Entry> of(List<Liquidation> all, LiquidationStatus status) {
        return all.stream().filter(l -> l.status == status)
                .sorted(Comparator.comparing((Liquidation l) -> l.startedAt).thenComparing(l -> l.id))
                .map(l -> entry(null, l)).toList();
    }

    private static Entry entry(Integer position, Liquidation l) {
        return new Entry(position, l.id, l.loanId, l.borrowerId, l.collateralAsset, l.status.name(), l.policy, l.ltv,
                l.debt, l.collateralToSell, l.attempts, l.lastError, l.nextAttemptAt, l.startedAt);
    }
}
