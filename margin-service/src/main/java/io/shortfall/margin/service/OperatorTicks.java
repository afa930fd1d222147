package io.shortfall.margin.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.rest.Problems;
import io.shortfall.margin.domain.LtvMath;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * An operator's price tick: validated, observed now, and put on {@code market.prices} through the outbox.
 * It is evaluated only when consumed back from the topic, like any feed's tick.
 */
@ApplicationScoped
public class OperatorTicks {

    private static final int MAX_SOURCE_LENGTH = 100;

    private final Assets assets;
    private final Outbox outbox;
    private final Clock clock;

    public OperatorTicks(Assets assets, Outbox outbox, Clock clock) {
        this.assets = assets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Far above any real price, within every consumer's {@code numeric(38, 8)} columns and the risk engine's keys. */
    static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");

    /** @param source who observed the price; the caller when blank */
    public Uni<PriceTick> submit(String asset, BigDecimal price, String source, String caller) {
        if (asset == null || asset.isBlank()) {
            throw Problems.invalid("asset", "required: one of " + String.join(", ", assets.symbols()));
        }
        assets.require(asset, "asset");
        if (price == null) {
            throw Problems.invalid("price", "required: a decimal string such as \"65000.12\"");
        }
        if (price.signum() <= 0) {
            throw Problems.invalid("price", "must be positive");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            throw Problems.invalid("price", "at most " + MAX_PRICE.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > LtvMath.PRICE_SCALE) {
            throw Problems.invalid("price", "at most " + LtvMath.PRICE_SCALE + " decimals");
        }
        if (source != null && source.length() > MAX_SOURCE_LENGTH) {
            throw Problems.invalid("source", "at most " + MAX_SOURCE_LENGTH + " characters");
        }
        var tick = new PriceTick(asset, price.setScale(LtvMath.PRICE_SCALE),
                source == null || source.isBlank() ? caller : source, clock.instant());
        return Panache.withTransaction(() -> outbox.publish(Topics.MARKET_PRICES, tick)).replaceWith(tick);
    }
}
