package io.shortfall.debt;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.shortfall.debt.domain.ApprovalStatus;
import io.shortfall.debt.domain.OfferStatus;
import io.shortfall.debt.domain.PaymentStatus;
import io.shortfall.debt.domain.PlanStatus;
import io.shortfall.debt.domain.PromiseStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The moves of offers, plans, payments, promises and approvals, on the entities: the others are refused. */
class StatusMovesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static void refusedAsIllegal(Runnable move, String says) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.getStatusCode()).isEqualTo(409);
            assertThat(p.getType().toString()).endsWith("illegal-move");
            assertThat(p.getDetail()).contains(says);
        });
    }

    @Test
    void anOfferStartsOpenAndIsDecidedOnce() {
        Offer offer = new Offer();
        offer.id = ID;
        offer.reason = "proposed";
        assertThat(offer.status).isEqualTo(OfferStatus.OPEN);
        offer.decide(OfferStatus.ACCEPTED, "debtor-1", NOW, null);
        assertThat(offer.status).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(offer.decidedBy).isEqualTo("debtor-1");
        assertThat(offer.decidedAt).isEqualTo(NOW);
        assertThat(offer.reason).as("kept when the decision gives none").isEqualTo("proposed");
        refusedAsIllegal(() -> offer.decide(OfferStatus.WITHDRAWN, "SYSTEM", NOW, "another was accepted"),
                "offer " + ID + " cannot do that: it is ACCEPTED, which is final");
        assertThat(offer.status).isEqualTo(OfferStatus.ACCEPTED);
    }

    @Test
    void aSettlementWaitsForItsSupervisorThenOpens() {
        Offer offer = new Offer();
        offer.id = ID;
        offer.awaitApproval("over the limit");
        assertThat(offer.status).isEqualTo(OfferStatus.AWAITING_APPROVAL);
        refusedAsIllegal(() -> offer.decide(OfferStatus.EXPIRED, "SYSTEM", NOW, null),
                "it is AWAITING_APPROVAL, which does not become EXPIRED");
        offer.approved("approved by sam");
        assertThat(offer.status).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.reason).isEqualTo("approved by sam");
    }

    @Test
    void aPlanEndsWhenItStopsRunningAndACompletedOneRunsAgain() {
        Plan plan = new Plan();
        plan.id = ID;
        assertThat(plan.status).isEqualTo(PlanStatus.ACTIVE);
        plan.moveTo(PlanStatus.ACTIVE, NOW);
        plan.moveTo(PlanStatus.COMPLETED, NOW);
        assertThat(plan.endedAt).isEqualTo(NOW);
        plan.moveTo(PlanStatus.ACTIVE, NOW.plusSeconds(60));
        assertThat(plan.endedAt).as("running again: no end").isNull();
        plan.moveTo(PlanStatus.BROKEN, NOW.plusSeconds(120));
        refusedAsIllegal(() -> plan.moveTo(PlanStatus.ACTIVE, NOW), "it is BROKEN, which is final");
        assertThat(plan.endedAt).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void aPaymentIsReversedOnceAPromiseAndAnApprovalDecidedOnce() {
        Payment payment = new Payment();
        payment.id = ID;
        assertThat(payment.status).isEqualTo(PaymentStatus.APPLIED);
        payment.reverse("agent-1", NOW, "charged back");
        assertThat(payment.reversalReason).isEqualTo("charged back");
        refusedAsIllegal(() -> payment.reverse("agent-2", NOW, "again"), "payment " + ID);
        assertThat(payment.reversedBy).isEqualTo("agent-1");

        Promise promise = new Promise();
        promise.id = ID;
        assertThat(promise.status).isEqualTo(PromiseStatus.OPEN);
        promise.resolve(PromiseStatus.KEPT, NOW);
        refusedAsIllegal(() -> promise.resolve(PromiseStatus.BROKEN, NOW), "promise " + ID);

        Approval approval = new Approval();
        approval.id = ID;
        assertThat(approval.status).isEqualTo(ApprovalStatus.PENDING);
        approval.decide(ApprovalStatus.APPROVED, "sam", NOW, "fine");
        refusedAsIllegal(() -> approval.decide(ApprovalStatus.REJECTED, "kim", NOW, "no"), "approval " + ID);
        assertThat(approval.decidedBy).isEqualTo("sam");
    }
}
