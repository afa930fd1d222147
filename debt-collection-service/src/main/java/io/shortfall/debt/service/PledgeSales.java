package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Pledge;
import io.shortfall.debt.domain.PlanSchedule;
import io.shortfall.debt.domain.Pledging;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.repository.PledgeRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * A forfeited pledge sold by liquidation-service ({@code PledgeSold}): its proceeds pay off what the case owes, as a
 * payment by {@code PLEDGE} outside any plan (settling the case when nothing is left); what they raised beyond it
 * goes back to the debtor ({@code PledgeProceedsApplied}, which loan-service credits to the USDT balance). Once per
 * pledge, in the consumer's transaction.
 */
@ApplicationScoped
public class PledgeSales {

    public static final String PAID_BY = "PLEDGE";

    private final DebtCaseRepository cases;
    private final Payments payments;
    private final PledgeCustody custody;
    private final CaseRecord record;
    private final PledgeRepository pledges;

    public PledgeSales(PledgeRepository pledges, DebtCaseRepository cases, Payments payments, PledgeCustody custody,
                       CaseRecord record) {
        this.pledges = pledges;
        this.cases = cases;
        this.payments = payments;
        this.custody = custody;
        this.record = record;
    }

    public Uni<Void> onSold(LiquidationEvents.PledgeSold sold) {
        if (sold.pledgeId() == null || sold.proceeds() == null || sold.proceeds().signum() < 0
                || sold.proceeds().stripTrailingZeros().scale() > PlanSchedule.SCALE) {
            throw new PoisonEventException("PledgeSold without pledgeId, or proceeds not a sum of cents");
        }
        return pledges.findById(sold.pledgeId()).chain(pledge -> {
            if (pledge == null) {
                throw new PoisonEventException("PledgeSold of pledge " + sold.pledgeId() + ", never forfeited here");
            }
            if (pledge.status == Pledging.Status.SOLD) {
                return Uni.createFrom().voidItem();
            }
            if (pledge.status != Pledging.Status.FORFEITED) {
                throw new PoisonEventException("PledgeSold of pledge " + pledge.id + ", which is " + pledge.status
                        + ", not FORFEITED");
            }
            return cases.findById(pledge.caseId).chain(debtCase -> apply(debtCase, pledge, sold));
        });
    }

    private Uni<Void> apply(DebtCase debtCase, Pledge pledge, LiquidationEvents.PledgeSold sold) {
        custody.move(pledge, Pledging.Move.SELL);
        // a case closed since it was forfeited (written off) is owed nothing: all of it goes back
        BigDecimal owed = debtCase.isClosed() ? BigDecimal.ZERO.setScale(PlanSchedule.SCALE) : debtCase.outstanding;
        Pledging.Split split = Pledging.split(sold.proceeds(), owed);
        pledge.price = sold.price();
        pledge.proceeds = sold.proceeds().setScale(PlanSchedule.SCALE);
        pledge.applied = split.applied();
        pledge.returned = split.returned();
        Uni<Void> paid = split.applied().signum() == 0 ? Uni.createFrom().voidItem()
                : payments.payOutsidePlan(debtCase, PAID_BY, split.applied())
                .invoke(payment -> pledge.paymentId = payment.id).replaceWithVoid();
        return paid.chain(() -> record.note(debtCase, "PLEDGE_SOLD", Negotiation.SYSTEM, "Pledge of "
                        + PledgeCustody.quantity(pledge) + " sold for " + pledge.proceeds.toPlainString() + " "
                        + debtCase.currency + (sold.price() == null ? "" : " (" + sold.price().toPlainString()
                        + " each)") + ": " + split.applied().toPlainString() + " paid off the debt, "
                        + split.returned().toPlainString() + " back to the debtor's balance; outstanding "
                        + debtCase.outstanding.toPlainString(),
                new DebtEvents.PledgeProceedsApplied(debtCase.id, debtCase.debtorId, pledge.id, pledge.asset,
                        pledge.quantity, sold.price(), pledge.proceeds, split.applied(), split.returned(),
                        debtCase.outstanding)));
    }
}
