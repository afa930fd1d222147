package io.shortfall.margin.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.margin.Breaker;
import io.shortfall.margin.domain.CircuitBreakerRule;
import io.shortfall.margin.repository.BreakerRepository;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The asset's price circuit breakers: tripped by a crash of the price, reset by an operator. */
@ApplicationScoped
public class Breakers {

    private final BreakerRepository breakers;
    private final CircuitBreakerRule rule;
    private final Outbox outbox;
    private final Clock clock;
    private final AssetWatch watch;
    private final PositionRepository positions;
    private final PriceRepository prices;

    public Breakers(BreakerRepository breakers, CircuitBreakerRule rule, Outbox outbox, Clock clock, AssetWatch watch,
                    PositionRepository positions, PriceRepository prices) {
        this.prices = prices;
        this.watch = watch;
        this.positions = positions;
        this.breakers = breakers;
        this.rule = rule;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Lifts the asset's tripped breaker if {@code tick} comes from another source than the tripping tick and
     * confirms the crash ({@code BreakerReset} by that source); otherwise trips it if {@code tick} fell below the
     * rule's share of the highest price of the asset within the hour before it ({@code BreakerTripped}, with that
     * high as {@code previous}). The tick then joins the asset's window (which a lift starts afresh). Emits whether
     * the breaker is tripped after this tick, and notes a trip in {@code outcome}. Inside the consumer's
     * transaction, the asset's price row locked.
     */
    public Uni<Boolean> afterTick(PriceTick tick, MarginOutcome outcome) {
        Instant windowStart = rule.windowStart(tick.observedAt());
        return breakers.high(tick.asset(), windowStart, tick.observedAt()).chain(high -> breakers.findById(tick.asset())
                .chain(breaker -> decide(breaker, high, tick, outcome))
                .call(() -> breakers.record(tick.asset(), tick.price(), tick.observedAt(), windowStart)));
    }

    private Uni<Boolean> decide(Breaker breaker, BigDecimal high, PriceTick tick, MarginOutcome outcome) {
        if (breaker != null && breaker.tripped
                && rule.confirms(breaker.trippingSource, breaker.previousPrice, tick.source(), tick.price())) {
            breaker.tripped = false;
            breaker.resetBy = tick.source();
            breaker.resetAt = clock.instant();
            Log.infof("circuit breaker of %s reset: %s confirms the crash of %s at %s", tick.asset(),
                    tick.source(), breaker.trippingSource, tick.price());
            return breakers.restartWindow(tick.asset(), tick.observedAt())
                    .chain(() -> outbox.publish(Topics.MARGIN_EVENTS,
                            new MarginEvents.BreakerReset(tick.asset(), tick.source())))
                    .replaceWith(false);
        }
        if (!rule.trips(high, tick.price()) || (breaker != null && breaker.tripped)) {
            return Uni.createFrom().item(breaker != null && breaker.tripped);
        }
        Breaker tripped = breaker != null ? breaker : newBreaker(tick.asset());
        tripped.tripped = true;
        tripped.trippedAt = tick.observedAt();
        tripped.previousPrice = high;
        tripped.trippingPrice = tick.price();
        tripped.trippingSource = tick.source();
        Log.warnf("circuit breaker of %s tripped: %s against the hour's high %s", tick.asset(), tick.price(), high);
        outcome.breakerTripped(tick.asset());
        Uni<Breaker> saved = breaker != null ? Uni.createFrom().item(tripped) : tripped.persist();
        return saved.chain(() -> outbox.publish(Topics.MARGIN_EVENTS,
                new MarginEvents.BreakerTripped(tick.asset(), high, tick.price()))).replaceWith(true);
    }

    /**
     * Lifts the asset's breaker (an operator's decision) and starts its window afresh from the latest tick; emits
     * its state after. Lifting a breaker that is not tripped changes nothing and emits no event. Opens its own
     * transaction; once it has committed, the asset's held positions are decided at its latest price (the operator
     * has judged it sound).
     */
    public Uni<Breaker> reset(String asset, String by) {
        return Panache.withTransaction(() -> breakers.findById(asset)
                .chain(breaker -> {
                    if (breaker == null || !breaker.tripped) {
                        return Uni.createFrom().item(breaker != null ? breaker : newBreaker(asset));
                    }
                    breaker.tripped = false;
                    breaker.resetBy = by;
                    breaker.resetAt = clock.instant();
                    Log.infof("circuit breaker of %s reset by %s", asset, by);
                    return prices.findById(asset)
                            .chain(latest -> latest == null ? Uni.createFrom().voidItem()
                                    : breakers.restartWindow(asset, latest.observedAt))
                            .chain(() -> positions.releaseHolds(asset))
                            .chain(() -> outbox.publish(Topics.MARGIN_EVENTS, new MarginEvents.BreakerReset(asset, by)))
                            .replaceWith(breaker);
                })).invoke(() -> watch.decide(asset));
    }

    public Uni<List<Breaker>> all() {
        return breakers.listAll();
    }

    private static Breaker newBreaker(String asset) {
        Breaker breaker = new Breaker();
        breaker.asset = asset;
        return breaker;
    }
}
