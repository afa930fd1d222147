package io.shortfall.loan.service;

import io.shortfall.events.PriceTick;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the latest price per asset; an older tick arriving late never overwrites a newer one. */
@ApplicationScoped
public class PriceProjection {

    private final PriceRepository prices;
    private final Assets assets;

    public PriceProjection(PriceRepository prices, Assets assets) {
        this.prices = prices;
        this.assets = assets;
    }

    public Uni<Void> apply(PriceTick tick) {
        if (assets.find(tick.asset()).isEmpty() || tick.price() == null || tick.price().signum() <= 0
                || tick.observedAt() == null) {
            throw new io.shortfall.kit.messaging.PoisonEventException("unusable price tick " + tick);
        }
        return prices.findById(tick.asset()).chain(current -> {
            if (current == null) {
                AssetPrice price = new AssetPrice();
                price.asset = tick.asset();
                copy(tick, price);
                return price.persist().replaceWithVoid();
            }
            if (tick.observedAt().isAfter(current.observedAt)) {
                copy(tick, current);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void copy(PriceTick tick, AssetPrice price) {
        price.price = tick.price();
        price.source = tick.source();
        price.observedAt = tick.observedAt();
    }
}
