package io.shortfall.debt.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Payments a debtor made from their USDT balance (loan-service's {@code DebtPaidFromBalance}, the money already
 * taken from the balance): applied to the case's plan as any payment of the debtor's ({@link Payments#pay}, by
 * {@code BALANCE}), answered {@code BalancePaymentApplied}; or, when the case is not theirs, is closed, has no plan
 * running or is owed less, answered {@code BalancePaymentReturned} with the reason, so the balance gets it back.
 * Either answer is written with the payment, in the consumer's transaction.
 */
@ApplicationScoped
public class BalancePayments {

    public static final String PAID_BY = "BALANCE";

    private final DebtCaseRepository cases;
    private final Payments payments;
    private final Outbox outbox;

    public BalancePayments(DebtCaseRepository cases, Payments payments, Outbox outbox) {
        this.cases = cases;
        this.payments = payments;
        this.outbox = outbox;
    }

    public Uni<Void> onPaid(LoanEvents.DebtPaidFromBalance paid) {
        if (paid.paymentId() == null || paid.borrowerId() == null || paid.caseId() == null || paid.amount() == null) {
            throw new PoisonEventException("DebtPaidFromBalance without paymentId, borrowerId, caseId or amount");
        }
        return cases.findById(paid.caseId()).chain(debtCase -> {
            if (debtCase == null || !debtCase.debtorId.equals(paid.borrowerId())) {
                return returned(paid, "no debt case " + paid.caseId() + " of yours");
            }
            if (paid.currency() != null && !paid.currency().equals(debtCase.currency)) {
                return returned(paid, "the case is owed in " + debtCase.currency + ", not " + paid.currency());
            }
            // deferred: pay() refuses (no plan, overpayment) by throwing before it returns, and that is an answer
            return Uni.createFrom().deferred(() -> payments.pay(debtCase, PAID_BY, paid.amount()))
                    .chain(receipt -> outbox.publish(Topics.DEBT_EVENTS, new DebtEvents.BalancePaymentApplied(
                            debtCase.id, debtCase.debtorId, paid.paymentId(), receipt.payment().id,
                            receipt.payment().amount)))
                    .replaceWithVoid()
                    .onFailure(HttpProblem.class).recoverWithUni(refused -> returned(paid, debtCase,
                            ((HttpProblem) refused).getDetail()));
        });
    }

    private Uni<Void> returned(LoanEvents.DebtPaidFromBalance paid, String reason) {
        return returned(paid, null, reason);
    }

    private Uni<Void> returned(LoanEvents.DebtPaidFromBalance paid, DebtCase debtCase, String reason) {
        Log.infof("payment %s from the balance of %s to case %s returned: %s", paid.paymentId(), paid.borrowerId(),
                paid.caseId(), reason);
        return outbox.publish(Topics.DEBT_EVENTS, new DebtEvents.BalancePaymentReturned(paid.caseId(),
                paid.borrowerId(), paid.paymentId(), paid.amount(), reason)).replaceWithVoid();
    }
}
