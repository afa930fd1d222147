package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.AssetPrice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The latest price per asset. The row is the asset's lock: a tick takes it for update, every decision at the
 * latest price takes it for share, so a tick commits before or after a batch of decisions, never in between.
 * Lockers take the rows in asset order.
 */
@ApplicationScoped
public class PriceRepository implements PanacheRepositoryBase<AssetPrice, String> {

    /** The latest price of {@code asset}, shared: no tick of it commits until this transaction does. */
    public Uni<AssetPrice> shared(String asset) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from asset_price where asset = :asset for share", AssetPrice.class)
                .setParameter("asset", asset)
                .getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Notes that every position {@code asset}'s price observed at {@code through} reached is decided (a round of
     * decisions found nothing more); never moves back.
     */
    public Uni<Void> decidedThrough(String asset, java.time.Instant through, java.time.Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into asset_decided (asset, through, decided_at) values (:asset, :through, :now)
                        on conflict (asset) do update set through = excluded.through, decided_at = excluded.decided_at
                        where asset_decided.through < excluded.through""")
                .setParameter("asset", asset)
                .setParameter("through", java.time.OffsetDateTime.ofInstant(through, java.time.ZoneOffset.UTC))
                .setParameter("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Per asset, the observation time of the latest price fully decided. */
    public Uni<java.util.Map<String, java.time.Instant>> decided() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select asset, through from asset_decided", Object[].class).getResultList())
                .map(rows -> {
                    java.util.Map<String, java.time.Instant> through = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        through.put((String) row[0], toInstant(row[1]));
                    }
                    return through;
                });
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** Every asset's latest price, shared (decisions on loan events, whatever their assets). */
    public Uni<List<AssetPrice>> allShared() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from asset_price order by asset for share", AssetPrice.class)
                .getResultList());
    }

    /** These assets' latest prices, for update (ticks). */
    public Uni<List<AssetPrice>> locked(List<String> assets) {
        if (assets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from asset_price where asset in (:assets) order by asset for update", AssetPrice.class)
                .setParameter("assets", assets)
                .getResultList());
    }
}
