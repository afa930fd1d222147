package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.shortfall.events.EventPayload;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.LiquidationTriggerRule.Decision;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every consumed {@link PriceTick} does, in the consumer's one transaction: keep it as the asset's
 * latest price (a tick older than the latest is ignored), check the circuit breaker, then assess the open
 * positions of the asset the tick may concern (asked of the {@link RiskIndex}: the loans whose next boundary the
 * price reaches, or whose margin call is due) and put what follows (zone changes, margin calls, top-up requests, liquidation
 * triggers) in the outbox together with the positions' new state. Emits what the tick did, for the metrics
 * counted once the transaction has committed ({@link MarginMetrics}).
 */
@ApplicationScoped
public class PriceWatch {

    private final Assets assets;
    private final PriceRepository prices;
    private final PositionRepository positions;
    private final Breakers breakers;
    private final MarginAssessor assessor;
    private final Outbox outbox;
    private final Clock clock;
    private final RiskIndex index;

    public PriceWatch(Assets assets, PriceRepository prices, PositionRepository positions, Breakers breakers,
                      MarginAssessor assessor, Outbox outbox, Clock clock, RiskIndex index) {
        this.index = index;
        this.assets = assets;
        this.prices = prices;
        this.positions = positions;
        this.breakers = breakers;
        this.assessor = assessor;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<TickOutcome> apply(PriceTick tick) {
        requireUsable(tick);
        TickOutcome outcome = new TickOutcome(tick.asset());
        return prices.findById(tick.asset()).chain(latest -> {
            if (latest != null && tick.observedAt().isBefore(latest.observedAt)) {
                Log.debugf("%s tick of %s is older than the latest (%s): ignored", tick.asset(), tick.observedAt(),
                        latest.observedAt);
                return Uni.createFrom().item(outcome);
            }
            var previous = Breakers.PreviousTick.of(latest);
            return keep(latest, tick)
                    .chain(() -> breakers.afterTick(previous, tick, outcome))
                    .chain(tripped -> {
                        List<UUID> concerned = index.candidates(tick.asset(), tick.price(), tick.observedAt());
                        Log.debugf("%s tick %s of %s concerns %d loans", tick.asset(), tick.price(), tick.observedAt(),
                                concerned.size());
                        return positions.byIds(concerned).chain(open -> assessAll(open, tick, tripped, outcome));
                    })
                    .replaceWith(outcome);
        });
    }

    private void requireUsable(PriceTick tick) {
        if (tick.asset() == null || tick.price() == null || tick.price().signum() <= 0 || tick.observedAt() == null
                || tick.price().stripTrailingZeros().scale() > LtvMath.PRICE_SCALE) {
            throw new PoisonEventException("unusable price tick " + tick
                    + ": needs an asset, a positive price with at most 8 decimals and observedAt");
        }
        if (!assets.isKnown(tick.asset())) {
            throw new PoisonEventException("price tick for unsupported asset " + tick.asset());
        }
    }

    private Uni<Void> keep(AssetPrice latest, PriceTick tick) {
        AssetPrice price = latest != null ? latest : new AssetPrice();
        price.asset = tick.asset();
        price.price = tick.price();
        price.source = tick.source() == null ? "unknown" : tick.source();
        price.observedAt = tick.observedAt();
        return latest != null ? Uni.createFrom().voidItem() : price.persist().replaceWithVoid();
    }

    private Uni<Void> assessAll(List<Position> open, PriceTick tick, boolean breakerTripped, TickOutcome outcome) {
        Instant now = clock.instant();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Position position : open) {
            all = all.chain(() -> assess(position, tick, breakerTripped, now, outcome));
        }
        return all;
    }

    private Uni<Void> assess(Position position, PriceTick tick, boolean breakerTripped, Instant now,
                             TickOutcome outcome) {
        outcome.assessed(position);
        if (position.collateralAmount.signum() <= 0 || position.status == PositionStatus.CLOSED) {
            // nothing to decide; refreshed all the same, so an index entry left by a late, older refresh leaves
            return Uni.createFrom().voidItem();
        }
        var snapshot = new MarginAssessor.Snapshot(position.zone, position.status, position.triggered,
                position.lastMarginCallAt, position.marginCallRepeat, position.debt(), position.collateralAmount,
                position.thresholds(), position.autoIncrease, assets.scaleOf(position.collateralAsset));
        BigDecimal price = tick.price().setScale(LtvMath.PRICE_SCALE);
        MarginAssessor.Assessment a = assessor.assess(snapshot, price, tick.observedAt(), breakerTripped, now);

        position.zone = a.to();
        position.lastMarginCallAt = a.lastMarginCallAt();
        position.marginCallRepeat = a.marginCallRepeat();
        if (a.triggers()) {
            position.triggered = true;
            position.triggeredAt = now;
        }

        Uni<Void> events = Uni.createFrom().voidItem();
        if (a.zoneChanged()) {
            events = events.chain(() -> publish(new MarginEvents.ZoneChanged(position.loanId, position.borrowerId,
                    position.collateralAsset, a.from().name(), a.to().name(), a.ltv(), price)));
        }
        if (a.call() != null) {
            var terms = a.call().terms();
            outcome.marginCall(position.collateralAsset, a.call().repeat() > 0);
            events = events.chain(() -> publish(new MarginEvents.MarginCall(position.loanId, position.borrowerId,
                    position.collateralAsset, position.collateralAmount, position.debt(), a.ltv(), price,
                    terms.liquidationPrice(), terms.addCollateral(), terms.orRepay(), a.call().repeat())));
        }
        if (a.topUp() != null) {
            events = events.chain(() -> publish(new MarginEvents.AutoIncreaseRequested(position.loanId,
                    LtvMath.ratio(position.initialLtv), a.topUp())));
        }
        if (a.triggers()) {
            outcome.liquidationTriggered(position.collateralAsset);
            Log.infof("liquidation of loan %s triggered: LTV %s at %s", position.loanId, a.ltv(), price);
            events = events.chain(() -> publish(new MarginEvents.LiquidationTriggered(position.loanId, a.ltv(), price,
                    tick.observedAt())));
        } else if (a.trigger() == Decision.STALE_PRICE || a.trigger() == Decision.BREAKER_TRIPPED) {
            Log.warnf("loan %s is at LTV %s, at or above its liquidation LTV, but not triggered: %s", position.loanId,
                    a.ltv(), a.trigger());
        }
        return events;
    }

    private Uni<Void> publish(EventPayload event) {
        return outbox.publish(Topics.MARGIN_EVENTS, event).replaceWithVoid();
    }
}
