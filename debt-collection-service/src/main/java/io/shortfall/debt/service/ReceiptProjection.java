package io.shortfall.debt.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortfall.debt.LiquidationReceipt;
import io.shortfall.debt.repository.ReceiptRepository;
import io.shortfall.events.EventJson;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the receipt of every liquidation that left a shortfall, for the case it opens (or opened: the
 * receipt and {@code NegativeBalanceRecorded} may arrive in either order). The first copy wins; a
 * repeat changes nothing. Receipts without a shortfall concern no debt and are not kept.
 */
@ApplicationScoped
public class ReceiptProjection {

    private final ReceiptRepository receipts;
    private final Clock clock;

    public ReceiptProjection(ReceiptRepository receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    /** {@code reportedAt}: the event's {@code occurredAt}, when the sale was reported (now if absent). */
    private static final String KEPT = ReceiptProjection.class.getName() + ".kept";

    /** Before a batch: which of its liquidations' receipts are kept already (one query). */
    public Uni<Void> prepare(List<LiquidationEvents.LiquidationCompleted> batch) {
        List<java.util.UUID> ids = batch.stream().map(LiquidationEvents.LiquidationCompleted::liquidationId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return receipts.kept(ids).invoke(found -> BatchScope.put(KEPT, new java.util.HashSet<>(found)))
                .replaceWithVoid();
    }

    public Uni<Void> onCompleted(LiquidationEvents.LiquidationCompleted completed, Instant reportedAt) {
        if (completed.liquidationId() == null || completed.loanId() == null || completed.borrowerId() == null) {
            throw new PoisonEventException("LiquidationCompleted without liquidationId, loanId or borrowerId");
        }
        if (completed.shortfall() == null || completed.shortfall().signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        Uni<Boolean> exists = BatchScope.<java.util.Set<java.util.UUID>>get(KEPT)
                .map(kept -> Uni.createFrom().item(!kept.add(completed.liquidationId())))
                .orElseGet(() -> receipts.findById(completed.liquidationId()).map(r -> r != null));
        return exists.chain(known -> known
                ? Uni.createFrom().voidItem()
                : receipts.persist(receipt(completed, reportedAt != null ? reportedAt : clock.instant()))
                .replaceWithVoid());
    }

    private static LiquidationReceipt receipt(LiquidationEvents.LiquidationCompleted completed, Instant reportedAt) {
        LiquidationReceipt receipt = new LiquidationReceipt();
        receipt.liquidationId = completed.liquidationId();
        receipt.loanId = completed.loanId();
        receipt.borrowerId = completed.borrowerId();
        receipt.collateralAsset = completed.collateralAsset();
        receipt.policy = completed.policy();
        receipt.collateralSold = completed.collateralSold();
        receipt.referencePrice = completed.referencePrice();
        receipt.proceeds = completed.proceeds();
        receipt.floorCredit = completed.floorCredit();
        receipt.gross = completed.gross();
        receipt.fee = completed.fee();
        receipt.debt = completed.debt();
        receipt.debtCovered = completed.debtCovered();
        receipt.surplus = completed.surplus();
        receipt.shortfall = completed.shortfall();
        receipt.fills = writeFills(completed.fills() == null ? List.of() : completed.fills());
        receipt.completedAt = reportedAt;
        return receipt;
    }

    private static String writeFills(List<LiquidationEvents.Fill> fills) {
        try {
            return EventJson.mapper().writeValueAsString(fills);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fills", e);
        }
    }

    /** The fills of a stored receipt. */
    public static List<LiquidationEvents.Fill> fills(LiquidationReceipt receipt) {
        try {
            return List.of(EventJson.mapper().readValue(receipt.fills, LiquidationEvents.Fill[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fills of liquidation " + receipt.liquidationId, e);
        }
    }
}
