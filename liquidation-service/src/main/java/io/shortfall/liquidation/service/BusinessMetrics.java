package io.shortfall.liquidation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.repository.LiquidationRepository;
import io.shortfall.liquidation.repository.LiquidationRepository.AssetTotals;
import io.shortfall.liquidation.repository.LiquidationRepository.StatusCount;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business gauges at {@code /q/metrics}, read from the database (once at startup, then every
 * {@code shortfall.metrics.refresh-every}) rather than counted in the consumer's transaction: they are the
 * committed totals, whatever was retried, redelivered or restarted.
 * <ul>
 *     <li>{@code shortfall.liquidations} (tag {@code asset}): liquidations completed;</li>
 *     <li>{@code shortfall.liquidation.shortfall.total}, {@code .surplus.total}, {@code .fee.total} (tag
 *     {@code asset}): their sums, in the quote currency (USDT);</li>
 *     <li>{@code shortfall.insurance.fund.balance} (tag {@code currency});</li>
 *     <li>{@code shortfall.liquidations.queued}, {@code .selling}, {@code .stuck} (tag {@code asset}): liquidations
 *     not completed, so operators can alert on a stuck one.</li>
 * </ul>
 * Each gauge reads a value held here (a strong reference: Micrometer's own is weak).
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final String OPEN_PREFIX = "shortfall.liquidations.";
    private final LiquidationRepository liquidations;
    private final InsuranceFundLedger fund;
    private final LiquidationConfig config;
    private final MeterRegistry registry;
    private final Vertx vertx;
    /** Gauge name and tag value to its latest value. */
    private final Map<String, AtomicReference<BigDecimal>> values = new ConcurrentHashMap<>();
    private PeriodicJob job;

    public BusinessMetrics(LiquidationRepository liquidations, InsuranceFundLedger fund, LiquidationConfig config,
                           MeterRegistry registry, Vertx vertx) {
        this.liquidations = liquidations;
        this.fund = fund;
        this.config = config;
        this.registry = registry;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, config.metrics().refreshEvery(), "business metrics", this::refresh).runNow();
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** One round: reads the totals and sets the gauges. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> liquidations.totalsByAsset()
                .invoke(this::setTotals)
                .chain(liquidations::openByAssetAndStatus)
                .invoke(this::setOpen)
                .chain(fund::balance)
                .invoke(balance -> set("shortfall.insurance.fund.balance", "currency", config.currency(), balance)))
                .replaceWithVoid();
    }

    private void setTotals(List<AssetTotals> totals) {
        for (AssetTotals t : totals) {
            set("shortfall.liquidations", "asset", t.asset(), BigDecimal.valueOf(t.count()));
            set("shortfall.liquidation.shortfall.total", "asset", t.asset(), t.shortfall());
            set("shortfall.liquidation.surplus.total", "asset", t.asset(), t.surplus());
            set("shortfall.liquidation.fee.total", "asset", t.asset(), t.fee());
        }
    }

    /** The current counts; an open gauge seen before and absent now is zero. */
    private void setOpen(List<StatusCount> counts) {
        java.util.Set<String> current = new java.util.HashSet<>();
        for (StatusCount c : counts) {
            String name = OPEN_PREFIX + c.status().name().toLowerCase(Locale.ROOT);
            current.add(name + '\u0000' + c.asset());
            set(name, "asset", c.asset(), BigDecimal.valueOf(c.count()));
        }
        values.forEach((key, value) -> {
            if (key.startsWith(OPEN_PREFIX) && !current.contains(key)) {
                value.set(BigDecimal.ZERO);
            }
        });
    }

    private void set(String name, String tag, String tagValue, BigDecimal value) {
        values.computeIfAbsent(name + '\u0000' + tagValue, key -> {
            var held = new AtomicReference<>(BigDecimal.ZERO);
            Gauge.builder(name, held, ref -> ref.get().doubleValue()).tag(tag, tagValue).register(registry);
            return held;
        }).set(value);
    }
}
