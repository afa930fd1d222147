package io.shortfall.liquidation.venue;

import io.quarkus.arc.DefaultBean;
import io.shortfall.liquidation.config.LiquidationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default venue: an order book whose fill price falls with the order's size,
 * {@code reference × (1 − impact × quantity / depth)}, never below {@code reference × floorFraction}, rounded
 * down to the price scale; each asset's book is configured ({@code shortfall.venue.books.<ASSET>.*}). It
 * remembers every client order id it filled (in memory: a restart forgets, which a real venue would not).
 */
@ApplicationScoped
@DefaultBean
public class SimulatedOrderBook implements ExecutionVenue {

    public static final int PRICE_SCALE = 8;

    private final LiquidationConfig config;
    private final Clock clock;
    private final Map<String, VenueFill> filled = new ConcurrentHashMap<>();

    public SimulatedOrderBook(LiquidationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public VenueFill sell(String asset, BigDecimal quantity, String clientOrderId, BigDecimal referencePrice) {
        if (quantity.signum() <= 0 || referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + " needs a positive quantity and price");
        }
        return filled.computeIfAbsent(clientOrderId, id -> new VenueFill(id, quantity,
                fillPrice(config.venue().books().get(asset), quantity, referencePrice), clock.instant()));
    }

    /** The price {@code book} fills an order of {@code quantity} at. */
    public static BigDecimal fillPrice(LiquidationConfig.Book book, BigDecimal quantity, BigDecimal referencePrice) {
        BigDecimal impact = book.impact().multiply(quantity).divide(book.depth(), 16, RoundingMode.UP);
        BigDecimal price = referencePrice.multiply(BigDecimal.ONE.subtract(impact));
        BigDecimal floor = referencePrice.multiply(book.floorFraction());
        return price.max(floor).setScale(PRICE_SCALE, RoundingMode.DOWN);
    }
}
