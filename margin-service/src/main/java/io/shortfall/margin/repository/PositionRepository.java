package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<Position, UUID> {

    /** A number of loans and their debt (principal and accrued interest). */
    public record Bucket(long loans, BigDecimal debt) {
        public static final Bucket EMPTY = new Bucket(0, BigDecimal.ZERO.setScale(2));
    }

    /** An operator lifted {@code asset}'s breaker: its held positions may be released by the latest price itself. */
    public Uni<Integer> releaseHolds(String asset) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update position set held_through = null where collateral_asset = :asset and trigger_held")
                .setParameter("asset", asset)
                .executeUpdate());
    }

    /** The positions with these ids, locked, in id order (the order every locker takes them in). */
    public Uni<List<Position>> lockedByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from position where loan_id in (:ids) order by loan_id for update", Position.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** Up to {@code limit} open positions whose boundaries were never computed (from before they were kept). */
    public Uni<List<Position>> unbounded(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select * from position where orange_at is null and status <> 'CLOSED'
                        limit :limit for update skip locked""", Position.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The open positions (ACTIVE or LIQUIDATING) of {@code asset} by zone. */
    public Uni<Map<Zone, Bucket>> byZone(String asset) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select zone, count(*), coalesce(sum(principal + accrued_interest), 0) from position
                        where collateral_asset = :asset and status <> 'CLOSED' group by zone""", Object[].class)
                .setParameter("asset", asset)
                .getResultList())
                .map(PositionRepository::zones);
    }

    /** What the open book of {@code asset} would look like at the price key {@code p}. */
    public record Stress(Map<Zone, Bucket> zones, Map<Zone, Bucket> entering, Bucket liquidated,
                         BigDecimal shortfall) {
    }

    /**
     * Where the open positions of {@code asset} would stand at {@code price} (key {@code p}), by their boundaries
     * alone (without hysteresis), those entering a worse zone than theirs, those at or above their liquidation LTV,
     * and {@code Σ debt − collateral × price} over those where positive (exact; the caller rounds it).
     */
    public Uni<Stress> stress(String asset, long p, BigDecimal price) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with at as (
                            select zone, principal + accrued_interest as debt, collateral_amount,
                                   case when red_at >= :p then 'RED' when orange_at >= :p then 'ORANGE' else 'GREEN'
                                   end as reached,
                                   liquidation_at >= :p as liquidated
                            from position
                            where collateral_asset = :asset and status <> 'CLOSED' and orange_at is not null)
                        select reached, 'ZONE', count(*), coalesce(sum(debt), 0) from at group by reached
                        union all
                        select reached, 'ENTERING', count(*), coalesce(sum(debt), 0) from at
                        where (reached = 'RED' and zone <> 'RED') or (reached = 'ORANGE' and zone = 'GREEN')
                        group by reached
                        union all
                        select 'ALL', 'LIQUIDATED', count(*), coalesce(sum(debt), 0) from at where liquidated
                        union all
                        select 'ALL', 'SHORTFALL', 0, coalesce(sum(greatest(debt - collateral_amount * :price, 0)), 0)
                        from at where liquidated""", Object[].class)
                .setParameter("asset", asset)
                .setParameter("p", p)
                .setParameter("price", price)
                .getResultList())
                .map(rows -> {
                    Map<Zone, Bucket> zones = empty();
                    Map<Zone, Bucket> entering = empty();
                    Bucket liquidated = Bucket.EMPTY;
                    BigDecimal shortfall = BigDecimal.ZERO;
                    for (Object[] row : rows) {
                        Bucket bucket = new Bucket(((Number) row[2]).longValue(), (BigDecimal) row[3]);
                        switch ((String) row[1]) {
                            case "ZONE" -> zones.put(Zone.valueOf((String) row[0]), bucket);
                            case "ENTERING" -> entering.put(Zone.valueOf((String) row[0]), bucket);
                            case "LIQUIDATED" -> liquidated = bucket;
                            default -> shortfall = bucket.debt();
                        }
                    }
                    return new Stress(zones, entering, liquidated, shortfall);
                });
    }

    private static Map<Zone, Bucket> zones(List<Object[]> rows) {
        Map<Zone, Bucket> zones = empty();
        for (Object[] row : rows) {
            zones.put(Zone.valueOf((String) row[0]), new Bucket(((Number) row[1]).longValue(), (BigDecimal) row[2]));
        }
        return zones;
    }

    private static Map<Zone, Bucket> empty() {
        Map<Zone, Bucket> zones = new EnumMap<>(Zone.class);
        for (Zone zone : Zone.values()) {
            zones.put(zone, Bucket.EMPTY);
        }
        return zones;
    }

    /** Open positions of {@code asset}: for tests and views. */
    public Uni<Long> countOpen(String asset) {
        return count("collateralAsset = ?1 and status <> ?2", asset, PositionStatus.CLOSED);
    }
}
