package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Approval;
import io.shortfall.debt.domain.ApprovalStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<Approval, UUID> {

    /** The case's settlement approvals, whatever their status. */
    public Uni<List<Approval>> settlementsOf(UUID caseId) {
        return list("caseId = ?1 and kind = ?2", caseId, Approval.SETTLEMENT);
    }

    /** Whether a write-off of the case waits for a supervisor. */
    public Uni<Boolean> writeOffPending(UUID caseId) {
        return count("caseId = ?1 and kind = ?2 and status = ?3", caseId, Approval.WRITE_OFF, ApprovalStatus.PENDING)
                .map(n -> n > 0);
    }

    /**
     * Rejects, as {@code by} with {@code note}, the case's settlements waiting for a supervisor, but the one of
     * {@code keptOffer} (null: all of them).
     */
    public Uni<Void> withdrawPendingSettlements(UUID caseId, UUID keptOffer, String by, Instant at, String note) {
        String which = "caseId = ?5 and kind = ?6 and status = ?7";
        String set = "status = ?1, decidedBy = ?2, decidedAt = ?3, note = ?4 where ";
        return (keptOffer == null
                ? update(set + which, ApprovalStatus.REJECTED, by, at, note, caseId, Approval.SETTLEMENT,
                        ApprovalStatus.PENDING)
                : update(set + which + " and offerId <> ?8", ApprovalStatus.REJECTED, by, at, note, caseId,
                        Approval.SETTLEMENT, ApprovalStatus.PENDING, keptOffer))
                .replaceWithVoid();
    }

    /** One page of the approvals in {@code status}, oldest request first. */
    public Uni<List<Approval>> inStatus(ApprovalStatus status, Page page) {
        return find("status", Sort.ascending("requestedAt", "id"), status).page(page).list();
    }
}
