package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.domain.CaseStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DebtCaseRepository implements PanacheRepositoryBase<DebtCase, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("openedAt", "id");

    /**
     * A case's place in the agents' queue: days past due + 30 per broken promise + one point per 100 owed (at most
     * 100). The same expression as the indexes {@code debt_case_queue} and {@code debt_case_queue_by_status}
     * (V3 migration), so the database reads a page of the queue from an index rather than sorting every case.
     */
    public static final String PRIORITY =
            "(days_past_due + 30 * broken_promises + least(100, trunc(outstanding / 100)))";

    /**
     * A new case and what it starts with (its offers, their installments, its first timeline entries), in one
     * flush.
     */
    public Uni<Void> open(DebtCase debtCase, List<Object> rows) {
        return persist(debtCase).chain(() -> getSession().chain(session -> session.persistAll(rows.toArray())));
    }

    /** The ids of the cases in one of {@code statuses}. */
    public Uni<List<UUID>> idsIn(Collection<CaseStatus> statuses) {
        return find("status in ?1", statuses).project(CaseId.class).list()
                .map(ids -> ids.stream().map(CaseId::id).toList());
    }

    /** A case's id alone. */
    public record CaseId(UUID id) {
    }

    public Uni<List<DebtCase>> byDebtor(String debtorId, Page page) {
        return find("debtorId", NEWEST_FIRST, debtorId).page(page).list();
    }

    /**
     * One page of the agents' queue, highest priority first, then the oldest case, then id. Without
     * {@code status}: every case not settled or written off.
     */
    public Uni<List<DebtCase>> queue(CaseStatus status, String assignee, String bucket, Page page) {
        StringBuilder sql = new StringBuilder("select * from debt_case where ");
        // the literal list (not a parameter) lets the planner use the partial index debt_case_queue
        sql.append(status == null ? "status not in ('SETTLED', 'WRITTEN_OFF')" : "status = :status");
        if (assignee != null) {
            sql.append(" and assignee = :assignee");
        }
        if (bucket != null) {
            sql.append(" and bucket = :bucket");
        }
        sql.append(" order by ").append(PRIORITY).append(" desc, opened_at, id limit :size offset :offset");
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), DebtCase.class)
                    .setParameter("size", page.size)
                    .setParameter("offset", (long) page.index * page.size);
            if (status != null) {
                query.setParameter("status", status.name());
            }
            if (assignee != null) {
                query.setParameter("assignee", assignee);
            }
            if (bucket != null) {
                query.setParameter("bucket", bucket);
            }
            return query.getResultList();
        });
    }

    /** The cases summed per currency, status and bucket (null: not past due), by the database. */
    public record Totals(String currency, String status, String bucket, long cases, BigDecimal amount,
                         BigDecimal outstanding, BigDecimal paid) {
    }

    public Uni<List<Totals>> totals() {
        return getSession().chain(session -> session.createNativeQuery("""
                        select currency, status, bucket, count(*), sum(amount), sum(outstanding), sum(paid)
                        from debt_case group by currency, status, bucket""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Totals((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6]))
                        .toList()));
    }

    /** Which of these liquidations have a case. */
    public Uni<List<UUID>> withCases(List<UUID> liquidationIds) {
        return getSession().chain(session -> session.createNativeQuery(
                        "select liquidation_id from debt_case where liquidation_id in (:ids)", UUID.class)
                .setParameter("ids", liquidationIds)
                .getResultList());
    }

    public Uni<DebtCase> byLiquidation(UUID liquidationId) {
        return find("liquidationId", liquidationId).firstResult();
    }
}
