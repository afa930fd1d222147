package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Payment;
import io.shortfall.debt.PaymentAllocation;
import io.shortfall.debt.Plan;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.domain.PlanStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** The case's live plan (ACTIVE or DELINQUENT), or null. */
    public Uni<Plan> liveOf(UUID caseId) {
        return find("caseId = ?1 and status in ?2", caseId, PlanStatus.LIVE).firstResult();
    }

    /** The case's latest plan, whatever its status, or null. */
    public Uni<Plan> latestOf(UUID caseId) {
        return find("caseId", Sort.descending("startedAt", "id"), caseId).firstResult();
    }

    /** A new plan and its installments. */
    public Uni<Void> start(Plan plan, List<PlanInstallment> installments) {
        return persist(plan).chain(() -> getSession().chain(session -> session.persistAll(installments.toArray())));
    }

    public Uni<Payment> payment(UUID paymentId) {
        return getSession().chain(session -> session.find(Payment.class, paymentId));
    }

    /** A payment received, and how it was allocated to the installments. */
    public Uni<Void> record(Payment payment, List<PaymentAllocation> allocations) {
        List<Object> rows = new ArrayList<>(allocations.size() + 1);
        rows.add(payment);
        rows.addAll(allocations);
        return getSession().chain(session -> session.persistAll(rows.toArray()));
    }

    /** The allocations of {@code paymentIds} replaced by {@code allocations} (a plan's payments replayed). */
    public Uni<Void> reallocate(List<UUID> paymentIds, List<PaymentAllocation> allocations) {
        return PaymentAllocation.delete("paymentId in ?1", paymentIds)
                .chain(() -> getSession().chain(session -> session.flush()))
                .chain(() -> getSession().chain(session -> session.persistAll(allocations.toArray())));
    }

    public Uni<List<PlanInstallment>> installments(UUID planId) {
        return PlanInstallment.<PlanInstallment>find("planId", Sort.ascending("n"), planId).list();
    }

    /** A plan's payments in the order received (reversed ones included). */
    public Uni<List<Payment>> payments(UUID planId) {
        return Payment.<Payment>find("planId", Sort.ascending("seq"), planId).list();
    }

    public Uni<List<Payment>> paymentsOfCase(UUID caseId) {
        return Payment.<Payment>find("caseId", Sort.ascending("seq"), caseId).list();
    }

    public Uni<List<PaymentAllocation>> allocations(List<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PaymentAllocation.<PaymentAllocation>find("paymentId in ?1", Sort.ascending("paymentId", "n"), paymentIds)
                .list();
    }
}
