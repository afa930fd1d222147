package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Approval;
import io.shortfall.debt.domain.ApprovalStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<Approval, UUID> {

    /** One page of the approvals in {@code status}, oldest request first. */
    public Uni<List<Approval>> inStatus(ApprovalStatus status, Page page) {
        return find("status", Sort.ascending("requestedAt", "id"), status).page(page).list();
    }
}
