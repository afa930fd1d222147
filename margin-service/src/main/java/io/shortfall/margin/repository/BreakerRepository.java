package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.Breaker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The breakers, and the window of recent ticks per asset they compare a tick with ({@code breaker_window}: the
 * ticks of the hour that may still be a later tick's high). Written by ticks, under the asset's price row lock.
 */
@ApplicationScoped
public class BreakerRepository implements PanacheRepositoryBase<Breaker, String> {

    /** Is the asset's breaker tripped? */
    public Uni<Boolean> isTripped(String asset) {
        return findById(asset).map(breaker -> breaker != null && breaker.tripped);
    }

    /** The highest price of {@code asset} kept in its window, observed from {@code from} through {@code to}. */
    public Uni<BigDecimal> high(String asset, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select max(price) from breaker_window
                        where asset = :asset and observed_at >= :from and observed_at <= :to""", BigDecimal.class)
                .setParameter("asset", asset)
                .setParameter("from", utc(from))
                .setParameter("to", utc(to))
                .getSingleResultOrNull());
    }

    /**
     * Keeps the tick {@code price} at {@code at} in {@code asset}'s window, dropping the ticks it outlasts (observed
     * no later, no higher) and those observed before {@code windowStart}.
     */
    public Uni<Void> record(String asset, BigDecimal price, Instant at, Instant windowStart) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from breaker_window where asset = :asset
                        and (observed_at < :start or (observed_at <= :at and price <= :price))""")
                .setParameter("asset", asset)
                .setParameter("start", utc(windowStart))
                .setParameter("at", utc(at))
                .setParameter("price", price)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                insert into breaker_window (asset, observed_at, price) values (:asset, :at, :price)
                                on conflict (asset, observed_at)
                                do update set price = greatest(breaker_window.price, excluded.price)""")
                        .setParameter("asset", asset)
                        .setParameter("at", utc(at))
                        .setParameter("price", price)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Starts {@code asset}'s window afresh from its latest tick, observed at {@code latest} (a lifted breaker: the
     * price is judged sound, later ticks are compared with it, not with the high before the crash).
     */
    public Uni<Void> restartWindow(String asset, Instant latest) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from breaker_window where asset = :asset and observed_at < :latest")
                .setParameter("asset", asset)
                .setParameter("latest", utc(latest))
                .executeUpdate())
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
