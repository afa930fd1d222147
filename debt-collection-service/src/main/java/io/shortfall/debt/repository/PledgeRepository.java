package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Pledge;
import io.shortfall.debt.domain.Pledging;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PledgeRepository implements PanacheRepositoryBase<Pledge, UUID> {

    /** The case's pledges, oldest first. */
    public Uni<List<Pledge>> ofCase(UUID caseId) {
        return find("caseId", Sort.ascending("createdAt", "id"), caseId).list();
    }

    /** The case's pledges in one of {@code statuses}. */
    public Uni<List<Pledge>> ofCase(UUID caseId, Collection<Pledging.Status> statuses) {
        return list("caseId = ?1 and status in ?2", caseId, statuses);
    }

    /** How many of the case's pledges are in one of {@code statuses}. */
    public Uni<Long> countOfCase(UUID caseId, Collection<Pledging.Status> statuses) {
        return count("caseId = ?1 and status in ?2", caseId, statuses);
    }
}
