package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.shortfall.events.EventPayload;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginEngine;
import io.shortfall.margin.domain.PositionStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides one position at a price, inside the caller's transaction (the position locked): the engine's decision
 * is applied to the position, its keys are renewed (so it is not reached again by the same price), and what it
 * means goes to the outbox, in order: zone change, margin call, top-up request, liquidation trigger.
 */
@ApplicationScoped
public class MarginDecisions {

    private final MarginAssessor assessor;
    private final Assets assets;
    private final Outbox outbox;

    public MarginDecisions(MarginAssessor assessor, Assets assets, Outbox outbox) {
        this.assessor = assessor;
        this.assets = assets;
        this.outbox = outbox;
    }

    public MarginEngine engine() {
        return assessor.engine();
    }

    /** After a change of the position's amounts or thresholds: its boundaries anew. */
    public void bound(Position position) {
        position.bound(assessor);
    }

    /**
     * Decides {@code position} at {@code price} (null: no price of its asset yet, it is only re-keyed);
     * {@code now} is the clock's time; its events go to the outbox of the caller's transaction.
     */
    public Uni<Void> decide(Position position, AssetPrice price, boolean breakerTripped, Instant now,
                            MarginOutcome outcome) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (EventPayload event : assess(position, price, breakerTripped, now, outcome)) {
            all = all.chain(() -> outbox.publish(Topics.MARGIN_EVENTS, event).replaceWithVoid());
        }
        return all;
    }

    /**
     * Decides {@code position} at {@code price} (null: no price of its asset yet, it is only re-keyed), applying
     * the decision to it; returns what it means, in order, for {@code margin.events}.
     */
    public List<EventPayload> assess(Position position, AssetPrice price, boolean breakerTripped, Instant now,
                                     MarginOutcome outcome) {
        if (position.orangeAt == null) {
            position.bound(assessor);
        }
        if (price == null || position.status == PositionStatus.CLOSED || !position.hasCollateral()) {
            position.rekey(engine());
            return List.of();
        }
        outcome.decided();
        var snapshot = new MarginAssessor.Snapshot(position.zone, position.status, position.triggered,
                position.lastMarginCallAt, position.marginCallRepeat, position.debt(), position.collateralAmount,
                position.thresholds(), position.autoIncrease, assets.scaleOf(position.collateralAsset));
        MarginAssessor.Assessment a = assessor.assess(snapshot, position.boundaries(), price.price,
                price.observedAt, breakerTripped, now);

        position.zone = a.to();
        position.lastMarginCallAt = a.lastMarginCallAt();
        position.marginCallRepeat = a.marginCallRepeat();
        position.triggerHeld = a.trigger().holds();
        position.heldThrough = position.triggerHeld ? price.observedAt : null;
        if (a.triggers()) {
            position.triggered = true;
            position.triggeredAt = now;
        }
        position.rekey(engine());
        if (!a.decision().emitsAnything()) {
            return List.of();
        }

        BigDecimal shown = price.price.setScale(LtvMath.PRICE_SCALE);
        List<EventPayload> events = new ArrayList<>(4);
        if (a.zoneChanged()) {
            events.add(new MarginEvents.ZoneChanged(position.loanId, position.borrowerId, position.collateralAsset,
                    a.from().name(), a.to().name(), a.ltv(), shown));
        }
        if (a.call() != null) {
            var terms = a.call().terms();
            outcome.marginCall(position.collateralAsset, a.call().repeat() > 0);
            events.add(new MarginEvents.MarginCall(position.loanId, position.borrowerId, position.collateralAsset,
                    position.collateralAmount, position.debt(), a.ltv(), shown, terms.liquidationPrice(),
                    terms.addCollateral(), terms.orRepay(), a.call().repeat()));
        }
        if (a.topUp() != null) {
            events.add(new MarginEvents.AutoIncreaseRequested(position.loanId, LtvMath.ratio(position.initialLtv),
                    a.topUp()));
        }
        if (a.triggers()) {
            outcome.liquidationTriggered(position.collateralAsset);
            Log.debugf("liquidation of loan %s triggered: LTV %s at %s", position.loanId, a.ltv(), shown);
            events.add(new MarginEvents.LiquidationTriggered(position.loanId, a.ltv(), shown, price.observedAt));
        } else if (a.trigger().holds()) {
            Log.debugf("loan %s is at LTV %s, at or above its liquidation LTV, but not triggered: %s", position.loanId,
                    a.ltv(), a.trigger());
        }
        return events;
    }
}
