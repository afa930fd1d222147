package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.PositionStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<Position, UUID> {

    /** The positions of {@code asset} not yet closed, in a stable order. */
    public Uni<List<Position>> openOf(String asset) {
        return list("collateralAsset = ?1 and status <> ?2 order by loanId", asset, PositionStatus.CLOSED);
    }

    /** The positions with these ids, in a stable order. */
    public Uni<List<Position>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("loanId in ?1 order by loanId", ids);
    }
}
