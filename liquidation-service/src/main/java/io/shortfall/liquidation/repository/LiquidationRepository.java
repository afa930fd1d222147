package io.shortfall.liquidation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class LiquidationRepository implements PanacheRepositoryBase<Liquidation, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("startedAt", "id");

    /** Which of these liquidations exist. */
    public Uni<List<UUID>> existing(List<UUID> ids) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select id from liquidation where id in (:ids)", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** The liquidation of this locked snapshot, or null. */
    public Uni<Liquidation> ofSnapshot(UUID loanId, long loanVersion) {
        return find("loanId = ?1 and loanVersion = ?2", loanId, loanVersion).firstResult();
    }

    /**
     * The row as the database has it now, locked until the end of the caller's transaction, or null. A copy this
     * session already holds is refreshed: it may be stale (another instance may have settled the sale since), and
     * flushing it would write the stale state back.
     */
    public Uni<Liquidation> locked(UUID id) {
        return findById(id).chain(found -> found == null ? Uni.createFrom().<Liquidation>nullItem()
                : getSession().chain(session -> session.refresh(found, LockModeType.PESSIMISTIC_WRITE))
                        .replaceWith(found));
    }

    /**
     * These liquidations as the database has them now, locked until the end of the caller's transaction (taken in
     * id order, the order every locker of several takes them in), by id. For a session that holds none of them yet.
     */
    public Uni<java.util.Map<UUID, Liquidation>> lockedAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select * from liquidation where id in (:ids) order by id for update", Liquidation.class)
                .setParameter("ids", ids)
                .getResultList())
                .map(rows -> {
                    java.util.Map<UUID, Liquidation> byId = new java.util.HashMap<>();
                    rows.forEach(l -> byId.put(l.id, l));
                    return byId;
                });
    }

    /**
     * One page of the liquidations not completed ({@code status} one of QUEUED, SELLING, STUCK, or null for the
     * three), optionally of one asset: STUCK first, then SELLING, the oldest first; then QUEUED per asset, worst
     * LTV first, then the oldest, then by id (the order of admission). With a status the page is read from an
     * index ({@code liquidation_queue}, {@code liquidation_by_status_started}).
     */
    public Uni<List<Liquidation>> notCompleted(LiquidationStatus status, String asset, Page page) {
        StringBuilder sql = new StringBuilder("select * from liquidation where ");
        sql.append(status == null ? "status in ('QUEUED', 'SELLING', 'STUCK')" : "status = :status");
        if (asset != null) {
            sql.append(" and collateral_asset = :asset");
        }
        if (status == LiquidationStatus.QUEUED) {
            sql.append(" order by collateral_asset, ltv desc, started_at, id");
        } else if (status != null) {
            sql.append(" order by started_at, id");
        } else {
            sql.append(" ").append("""
                    order by case status when 'STUCK' then 0 when 'SELLING' then 1 else 2 end,
                        case when status = 'QUEUED' then collateral_asset end,
                        case when status = 'QUEUED' then ltv end desc, started_at, id""");
        }
        sql.append(" limit :size offset :offset");
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Liquidation.class)
                    .setParameter("size", page.size)
                    .setParameter("offset", (long) page.index * page.size);
            if (status != null) {
                query.setParameter("status", status.name());
            }
            if (asset != null) {
                query.setParameter("asset", asset);
            }
            return query.getResultList();
        });
    }

    /** The place (from 1) of each of these QUEUED liquidations in its asset's queue; others are left out. */
    public Uni<java.util.Map<UUID, Integer>> positions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                        select l.id, 1 + (select count(*) from liquidation q
                                          where q.status = 'QUEUED' and q.collateral_asset = l.collateral_asset
                                            and (q.ltv > l.ltv or (q.ltv = l.ltv and (q.started_at, q.id) < (l.started_at, l.id))))
                        from liquidation l where l.id in (:ids) and l.status = 'QUEUED'""", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .map(rows -> {
                    java.util.Map<UUID, Integer> positions = new java.util.HashMap<>();
                    for (Object[] r : rows) {
                        positions.put((UUID) r[0], ((Number) r[1]).intValue());
                    }
                    return positions;
                }));
    }

    /** Per asset with liquidations not completed: the debt in liquidation (SELLING and STUCK) and how many wait. */
    public record AssetQueue(String asset, BigDecimal inLiquidation, int waiting) {
    }

    public Uni<List<AssetQueue>> queuesByAsset() {
        return getSession().chain(session -> session.createNativeQuery("""
                        select collateral_asset,
                               coalesce(sum(debt) filter (where status in ('SELLING', 'STUCK')), 0),
                               count(*) filter (where status = 'QUEUED')
                        from liquidation where status in ('QUEUED', 'SELLING', 'STUCK')
                        group by collateral_asset order by collateral_asset""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new AssetQueue((String) r[0], (BigDecimal) r[1],
                        ((Number) r[2]).intValue())).toList()));
    }

    /**
     * Claims up to {@code limit} due SELLING liquidations until {@code until}, at most {@code perAsset} of each asset,
     * the longest waiting first, none of {@code inFlight} (this process is selling them), skipping those another
     * worker is claiming: two workers (two instances) never work the same sale at once. A claim left by a stopped
     * process lapses at {@code until}. Each asset's due ones are read from the partial index
     * {@code liquidation_selling_due}, as many as it takes: a round that finds nothing due reads that index and no
     * sale's row.
     */
    public Uni<List<Liquidation>> claimDue(Instant now, Instant until, int perAsset, int limit, Set<UUID> inFlight) {
        return getSession().chain(session -> session.createNativeQuery("""
                        with claimed as (
                            update liquidation set next_attempt_at = :until
                            where id in (
                                select due.id
                                from (select distinct collateral_asset from liquidation
                                      where status = 'SELLING') selling
                                cross join lateral (
                                    select id, next_attempt_at from liquidation
                                    where status = 'SELLING' and collateral_asset = selling.collateral_asset
                                      and next_attempt_at <= :now and not (id = any(cast(:inFlight as uuid[])))
                                    order by next_attempt_at, id
                                    limit :ofEachAsset
                                    for update skip locked) due
                                order by due.next_attempt_at, due.id
                                limit :limit)
                            returning *)
                        select * from claimed""", Liquidation.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .setParameter("ofEachAsset", Math.min(perAsset, limit))
                .setParameter("limit", limit)
                .setParameter("inFlight", inFlight.toArray(UUID[]::new))
                .getResultList());
    }

    /** The assets with queued liquidations. */
    public Uni<List<String>> assetsQueued() {
        return getSession().chain(session -> session.createNativeQuery(
                "select distinct collateral_asset from liquidation where status = 'QUEUED'", String.class)
                .getResultList());
    }

    /** The debt in liquidation (SELLING and STUCK) of {@code asset}. */
    public Uni<BigDecimal> inLiquidation(String asset) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select coalesce(sum(debt), 0) from liquidation
                        where collateral_asset = :asset and status in ('SELLING', 'STUCK')""", BigDecimal.class)
                .setParameter("asset", asset)
                .getSingleResult());
    }

    /** The head of {@code asset}'s queue, worst LTV first, then the oldest. */
    public Uni<List<Liquidation>> queueHead(String asset, int limit) {
        return find("status = ?1 and collateralAsset = ?2", Sort.descending("ltv").and("startedAt").and("id"),
                LiquidationStatus.QUEUED, asset).page(0, limit).list();
    }

    /** Serialises admissions (all instances) until the end of the caller's transaction. */
    public Uni<Void> lockAdmissions() {
        return getSession().chain(session -> session.createNativeQuery(
                "select 1 from (select pg_advisory_xact_lock(5150) ) as locked", Integer.class).getSingleResult())
                .replaceWithVoid();
    }

    /** Every completed liquidation's numbers summed per collateral asset. */
    public record AssetTotals(String asset, long count, BigDecimal shortfall, BigDecimal surplus, BigDecimal fee) {
    }

    public Uni<List<AssetTotals>> totalsByAsset() {
        return getSession().chain(session -> session.createSelectionQuery("""
                select new io.shortfall.liquidation.repository.LiquidationRepository$AssetTotals(
                    l.collateralAsset, count(l), sum(l.shortfall), sum(l.surplus), sum(l.fee))
                from Liquidation l where l.status = io.shortfall.liquidation.domain.LiquidationStatus.COMPLETED
                group by l.collateralAsset""", AssetTotals.class).getResultList());
    }

    /** Liquidations not completed, counted per asset and status. */
    public record StatusCount(String asset, LiquidationStatus status, long count) {
    }

    public Uni<List<StatusCount>> openByAssetAndStatus() {
        return getSession().chain(session -> session.createSelectionQuery("""
                select new io.shortfall.liquidation.repository.LiquidationRepository$StatusCount(
                    l.collateralAsset, l.status, count(l))
                from Liquidation l where l.status <> io.shortfall.liquidation.domain.LiquidationStatus.COMPLETED
                group by l.collateralAsset, l.status""", StatusCount.class).getResultList());
    }

    /** Newest first; each filter applies when not null. */
    public Uni<List<Liquidation>> search(UUID loanId, String borrowerId, LiquidationStatus status, Page page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (loanId != null) {
            where.add("loanId = :loanId");
            parameters.and("loanId", loanId);
        }
        if (borrowerId != null) {
            where.add("borrowerId = :borrowerId");
            parameters.and("borrowerId", borrowerId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        var query = where.isEmpty() ? findAll(NEWEST_FIRST)
                : find(String.join(" and ", where), NEWEST_FIRST, parameters);
        return query.page(page).list();
    }
}
