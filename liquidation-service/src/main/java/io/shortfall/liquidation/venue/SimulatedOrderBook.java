package io.shortfall.liquidation.venue;

import io.quarkus.arc.DefaultBean;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default venue: an order book whose fill price falls with the order's size,
 * {@code reference × (1 − impact × quantity / depth)}, never below {@code reference × floorFraction}, rounded
 * down to the price scale; each asset's book is configured ({@code shortfall.venue.books.<ASSET>.*}). It
 * remembers every client order id it filled (in memory, and in its own table {@code simulated_venue_order} unless
 * {@code shortfall.venue.journal=false}, so a restart of this service does not make it forget, as a real venue
 * would not) and answers a known one with the same fill.
 *
 * <p>A book with {@code walk=true} is walked down: an order's impact counts the quantity taken since the book last
 * recovered ({@code recovery} after its last order), so a sale's later slices fill lower.
 *
 * <p>It can be made to fail: {@code reject-rate} and {@code timeout-rate} per book (a timed-out order is executed
 * but its answer never comes, the case a retry under the same client order id is for), or a script of
 * {@link Fault}s for the next orders of an asset ({@link #script}).
 */
@ApplicationScoped
@DefaultBean
public class SimulatedOrderBook implements ExecutionVenue {

    public static final int PRICE_SCALE = 8;

    /** What happens to an order. */
    public enum Fault {
        /** Filled and answered. */
        NONE,
        /** Refused before it is executed. */
        REJECT,
        /** Executed, but the answer never comes. */
        TIMEOUT
    }

    private final LiquidationConfig config;
    private final Clock clock;
    private final Map<String, VenueFill> filled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Walk> walks = new ConcurrentHashMap<>();

    private final boolean journal;
    private final Pool pool;

    /** A venue with its memory in this JVM only (unit tests). */
    public SimulatedOrderBook(LiquidationConfig config, Clock clock) {
        this(config, clock, false, null);
    }

    /**
     * @param journal whether executed orders are also kept in the database ({@code simulated_venue_order}), so a
     *                restart of this service does not make the simulated venue forget them
     */
    @Inject
    public SimulatedOrderBook(LiquidationConfig config, Clock clock,
                              @ConfigProperty(name = "shortfall.venue.journal", defaultValue = "true") boolean journal,
                              Pool pool) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public Uni<VenueFill> sell(String asset, BigDecimal quantity, String clientOrderId, BigDecimal referencePrice) {
        if (quantity.signum() <= 0 || referencePrice.signum() <= 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("order " + clientOrderId
                    + " needs a positive quantity and price"));
        }
        LiquidationConfig.Book book = config.venue().books().get(asset);
        Fault fault = nextFault(asset, book);
        if (fault == Fault.REJECT) {
            return Uni.createFrom().failure(new VenueException("order " + clientOrderId + " rejected"));
        }
        Uni<VenueFill> executed = journal ? journaled(asset, quantity, clientOrderId, referencePrice)
                : Uni.createFrom().item(() -> fill(asset, quantity, clientOrderId, referencePrice));
        return executed.chain(fill -> fault == Fault.TIMEOUT ? Uni.createFrom().nothing() : Uni.createFrom().item(fill));
    }

    /**
     * Executes an order once, remembering it in the database too: a known order id returns its fill. Statements of
     * their own on the pool (no session), so any number of orders may be in flight at once.
     */
    private Uni<VenueFill> journaled(String asset, BigDecimal quantity, String clientOrderId, BigDecimal reference) {
        VenueFill known = filled.get(clientOrderId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery("select quantity, price, filled_at from simulated_venue_order where client_order_id = $1")
                .execute(Tuple.of(clientOrderId))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row row = rows.iterator().next();
                        VenueFill fill = new VenueFill(clientOrderId, row.getBigDecimal("quantity"),
                                row.getBigDecimal("price"), row.getOffsetDateTime("filled_at").toInstant());
                        return Uni.createFrom().item(filled.computeIfAbsent(clientOrderId, id -> fill));
                    }
                    VenueFill fill = fill(asset, quantity, clientOrderId, reference);
                    return pool.preparedQuery("""
                                    insert into simulated_venue_order (client_order_id, asset, quantity, price, filled_at)
                                    values ($1, $2, $3, $4, $5) on conflict (client_order_id) do nothing""")
                            .execute(Tuple.from(java.util.List.of(clientOrderId, asset, fill.quantity(), fill.price(),
                                    fill.at().atOffset(java.time.ZoneOffset.UTC))))
                            .replaceWith(fill);
                });
    }

    /** Forgets what this JVM remembers (what a restart does); the database journal stays. */
    public void forget() {
        filled.clear();
        walks.clear();
    }

    /** Executes an order (or returns the fill of one already executed), synchronously and without faults. */
    public VenueFill fill(String asset, BigDecimal quantity, String clientOrderId, BigDecimal referencePrice) {
        return filled.computeIfAbsent(clientOrderId, id -> {
            executions.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            LiquidationConfig.Book book = config.venue().books().get(asset);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            BigDecimal depthTaken = book.walk() ? walked(asset, book, quantity, now) : quantity;
            return new VenueFill(id, quantity, fillPrice(book, depthTaken, referencePrice), now);
        });
    }

    /** A walked book: the quantity taken since it last recovered, this order's included. */
    private BigDecimal walked(String asset, LiquidationConfig.Book book, BigDecimal quantity, Instant now) {
        return walks.compute(asset, (key, walk) -> {
            BigDecimal before = walk == null || walk.lastAt().plus(book.recovery()).isBefore(now) ? BigDecimal.ZERO
                    : walk.taken();
            return new Walk(before.add(quantity), now);
        }).taken();
    }

    private record Walk(BigDecimal taken, Instant lastAt) {
    }

    /** The next orders of {@code asset} meet these faults, in order; then none. */
    public void script(String asset, Fault... faults) {
        scripts.put(asset, new ArrayDeque<>(Arrays.asList(faults)));
    }

    /** How many times an order id was actually executed (sold): 0 or 1. */
    public int executions(String clientOrderId) {
        AtomicInteger count = executions.get(clientOrderId);
        return count == null ? 0 : count.get();
    }

    /** What was sold under order ids starting with {@code prefix} (e.g. a liquidation's id). */
    public BigDecimal soldUnder(String prefix) {
        return filled.values().stream().filter(f -> f.clientOrderId().startsWith(prefix)).map(VenueFill::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Fault nextFault(String asset, LiquidationConfig.Book book) {
        Deque<Fault> script = scripts.get(asset);
        if (script != null) {
            synchronized (script) {
                Fault next = script.pollFirst();
                if (next != null) {
                    return next;
                }
            }
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < book.rejectRate()) {
            return Fault.REJECT;
        }
        return roll < book.rejectRate() + book.timeoutRate() ? Fault.TIMEOUT : Fault.NONE;
    }

    /** The price {@code book} fills an order of {@code quantity} at. */
    public static BigDecimal fillPrice(LiquidationConfig.Book book, BigDecimal quantity, BigDecimal referencePrice) {
        BigDecimal impact = book.impact().multiply(quantity).divide(book.depth(), 16, RoundingMode.UP);
        BigDecimal price = referencePrice.multiply(BigDecimal.ONE.subtract(impact));
        BigDecimal floor = referencePrice.multiply(book.floorFraction());
        return price.max(floor).setScale(PRICE_SCALE, RoundingMode.DOWN);
    }
}
