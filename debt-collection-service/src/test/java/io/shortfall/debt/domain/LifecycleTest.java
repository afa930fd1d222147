package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The moves of the statuses of offers, plans, payments, promises and approvals. */
class LifecycleTest {

    @Test
    void anOfferIsAnsweredOnceAndASettlementOverTheLimitWaitsForASupervisorFirst() {
        assertThat(OfferStatus.OPEN.next()).containsExactlyInAnyOrder(OfferStatus.ACCEPTED, OfferStatus.REJECTED,
                OfferStatus.WITHDRAWN, OfferStatus.EXPIRED, OfferStatus.AWAITING_APPROVAL);
        assertThat(OfferStatus.AWAITING_APPROVAL.next()).containsExactlyInAnyOrder(OfferStatus.OPEN,
                OfferStatus.ACCEPTED, OfferStatus.REJECTED, OfferStatus.WITHDRAWN);
        assertThat(OfferStatus.AWAITING_APPROVAL.canBecome(OfferStatus.EXPIRED))
                .as("an offer no one has seen does not expire").isFalse();
    }

    @Test
    void aPlanRunsUntilItEndsAndOnlyACompletedOneRunsAgain() {
        assertThat(PlanStatus.ACTIVE.canBecome(PlanStatus.DELINQUENT)).isTrue();
        assertThat(PlanStatus.DELINQUENT.canBecome(PlanStatus.ACTIVE)).isTrue();
        assertThat(PlanStatus.COMPLETED.next()).containsExactly(PlanStatus.ACTIVE);
        assertThat(PlanStatus.BROKEN.next()).isEmpty();
        assertThat(PlanStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void paymentsPromisesAndApprovalsAreDecidedOnce() {
        assertThat(PaymentStatus.APPLIED.next()).containsExactly(PaymentStatus.REVERSED);
        assertThat(PaymentStatus.REVERSED.next()).isEmpty();
        assertThat(PromiseStatus.OPEN.next()).containsExactlyInAnyOrder(PromiseStatus.KEPT, PromiseStatus.PARTIAL,
                PromiseStatus.BROKEN);
        assertThat(ApprovalStatus.PENDING.next()).containsExactlyInAnyOrder(ApprovalStatus.APPROVED,
                ApprovalStatus.REJECTED);
    }

    @Property
    void noStatusMovesToItself(@ForAll OfferStatus offer, @ForAll PlanStatus plan, @ForAll PaymentStatus payment,
                               @ForAll PromiseStatus promise, @ForAll ApprovalStatus approval) {
        assertThat(offer.canBecome(offer)).isFalse();
        assertThat(plan.canBecome(plan)).isFalse();
        assertThat(payment.canBecome(payment)).isFalse();
        assertThat(promise.canBecome(promise)).isFalse();
        assertThat(approval.canBecome(approval)).isFalse();
    }

    @Property
    void anOfferIsLiveExactlyWhenItCanStillBeAnswered(@ForAll OfferStatus offer) {
        assertThat(offer.live()).isEqualTo(offer.canBecome(OfferStatus.ACCEPTED));
    }

    @Property
    void aPlanIsLiveExactlyWhenItCanStillEnd(@ForAll PlanStatus plan) {
        Set<PlanStatus> ends = EnumSet.of(PlanStatus.BROKEN, PlanStatus.CANCELLED);
        assertThat(plan.live()).isEqualTo(plan.next().containsAll(ends));
    }
}
