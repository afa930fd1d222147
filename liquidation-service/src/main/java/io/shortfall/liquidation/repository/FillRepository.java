package io.shortfall.liquidation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.liquidation.LiquidationFill;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FillRepository implements PanacheRepositoryBase<LiquidationFill, UUID> {

    /** The fills of these liquidations, in slice order. */
    public Uni<List<LiquidationFill>> of(Collection<UUID> liquidationIds) {
        if (liquidationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("liquidationId in ?1", Sort.ascending("liquidationId", "n"), liquidationIds);
    }
}
