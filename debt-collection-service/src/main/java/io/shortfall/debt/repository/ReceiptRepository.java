package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.LiquidationReceipt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceiptRepository implements PanacheRepositoryBase<LiquidationReceipt, UUID> {

    /** Which of these liquidations' receipts are kept already. */
    public Uni<List<UUID>> kept(List<UUID> liquidationIds) {
        return getSession().chain(session -> session.createNativeQuery(
                "select liquidation_id from liquidation_receipt where liquidation_id in (:ids)", UUID.class)
                .setParameter("ids", liquidationIds).getResultList());
    }
}
