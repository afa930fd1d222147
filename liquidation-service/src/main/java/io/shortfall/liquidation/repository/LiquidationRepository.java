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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LiquidationRepository implements PanacheRepositoryBase<Liquidation, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("startedAt", "id");

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

    public Uni<List<Liquidation>> inStatus(List<LiquidationStatus> statuses) {
        return list("status in ?1", Sort.ascending("startedAt", "id"), statuses);
    }

    /** SELLING liquidations whose next attempt is due, the longest waiting first. */
    public Uni<List<Liquidation>> dueForSale(Instant now) {
        return list("status = ?1 and nextAttemptAt <= ?2", Sort.ascending("nextAttemptAt", "id"),
                LiquidationStatus.SELLING, now);
    }

    /**
     * Claims a due SELLING liquidation until {@code until}: true for the one caller that moved its next attempt,
     * so two workers (two instances) never work the same sale at once. A claim left by a stopped process lapses.
     */
    public Uni<Boolean> claim(UUID id, Instant now, Instant until) {
        return update("nextAttemptAt = ?1 where id = ?2 and status = ?3 and nextAttemptAt <= ?4", until, id,
                LiquidationStatus.SELLING, now).map(count -> count == 1);
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
