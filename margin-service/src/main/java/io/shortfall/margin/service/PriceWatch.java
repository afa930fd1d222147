package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.shortfall.events.PriceTick;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.margin.AssetPrice;
import io.shortfall.margin.domain.PriceKey;
import io.shortfall.margin.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What a consumed {@link PriceTick} does in the consumer's transaction: it becomes the asset's latest price (a
 * tick older than the latest is ignored) and the circuit breaker sees it. The positions it reaches are decided
 * once that has committed, by {@link AssetWatch}, in batches of their own: a tick that moves every loan at once
 * neither holds the consumer nor grows a transaction.
 */
@ApplicationScoped
public class PriceWatch {

    private final Assets assets;
    private final PriceRepository prices;
    private final Breakers breakers;

    public PriceWatch(Assets assets, PriceRepository prices, Breakers breakers) {
        this.assets = assets;
        this.prices = prices;
        this.breakers = breakers;
    }

    /** Locks the latest prices of the batch's assets, in asset order (the order every locker takes them in). */
    public Uni<Void> lock(List<String> assetsTicked) {
        return prices.locked(assetsTicked.stream().filter(assets::isKnown).distinct().sorted().toList())
                .replaceWithVoid();
    }

    public Uni<MarginOutcome> apply(PriceTick tick) {
        requireUsable(tick);
        MarginOutcome outcome = new MarginOutcome();
        return prices.findById(tick.asset()).chain(latest -> {
            if (latest != null && tick.observedAt().isBefore(latest.observedAt)) {
                Log.debugf("%s tick of %s is older than the latest (%s): ignored", tick.asset(), tick.observedAt(),
                        latest.observedAt);
                return Uni.createFrom().item(outcome);
            }
            outcome.decideAt(tick.asset());
            return keep(latest, tick)
                    .chain(() -> breakers.afterTick(tick, outcome))
                    .replaceWith(outcome);
        });
    }

    private void requireUsable(PriceTick tick) {
        if (tick.asset() == null || tick.observedAt() == null || !PriceKey.isUsable(tick.price())) {
            throw new PoisonEventException("unusable price tick " + tick + ": needs an asset, a positive price "
                    + "with at most 8 decimals, at most " + PriceKey.MAX_PRICE.toPlainString() + ", and observedAt");
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
}
