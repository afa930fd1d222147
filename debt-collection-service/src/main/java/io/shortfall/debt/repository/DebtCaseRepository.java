package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.DebtCase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DebtCaseRepository implements PanacheRepositoryBase<DebtCase, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("openedAt", "id");

    public Uni<List<DebtCase>> byDebtor(String debtorId, Page page) {
        return find("debtorId", NEWEST_FIRST, debtorId).page(page).list();
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
