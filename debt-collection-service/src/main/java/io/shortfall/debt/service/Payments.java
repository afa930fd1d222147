package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Payment;
import io.shortfall.debt.PaymentAllocation;
import io.shortfall.debt.Plan;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.Promise;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.Installment;
import io.shortfall.debt.domain.PaymentLedger;
import io.shortfall.debt.domain.PaymentStatus;
import io.shortfall.debt.domain.PlanSchedule;
import io.shortfall.debt.domain.PlanStatus;
import io.shortfall.debt.domain.PromiseStatus;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.repository.PlanRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Payments on a case's plan (docs/DOMAIN.md, "Payments"): allocated by {@link PaymentLedger}, oldest installment
 * first; more than is owed is refused; a plan paid in full settles the case. An agent's reversal replays the
 * plan's standing payments in order. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Payments {

    private final PlanRepository plans;
    private final Ageing ageing;
    private final CaseRecord record;
    private final PledgeCustody pledges;
    private final Clock clock;
    private final CaseFileRepository caseFile;

    public Payments(CaseFileRepository caseFile, PlanRepository plans, Ageing ageing, CaseRecord record,
                    PledgeCustody pledges, Clock clock) {
        this.caseFile = caseFile;
        this.pledges = pledges;
        this.plans = plans;
        this.ageing = ageing;
        this.record = record;
        this.clock = clock;
    }

    /** A payment with where it went. */
    public record Receipt(Payment payment, List<PaymentLedger.Allocation> allocations, boolean settled) {
    }

    public Uni<Receipt> pay(DebtCase debtCase, String payer, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > PlanSchedule.SCALE) {
            throw Problems.invalid("amount", "a positive amount, exact to the cent");
        }
        if (debtCase.status == CaseStatus.ESCALATED) {
            throw Problems.conflict("case-escalated", "case " + debtCase.id + " was passed to "
                    + debtCase.escalationStage + " on " + debtCase.escalatedAt + ": it is paid there");
        }
        if (debtCase.isClosed() || !debtCase.hasLivePlan()) {
            throw Problems.conflict("no-plan", "case " + debtCase.id + " is " + debtCase.status
                    + ": payments go to an agreed plan (accept an offer first; paying in full is one)");
        }
        Instant now = clock.instant();
        return plans.liveOf(debtCase.id).invoke(plan -> {
            if (plan == null) {
                throw Problems.conflict("no-plan", "case " + debtCase.id + " has no running plan");
            }
        }).chain(plan -> plans.installments(plan.id)
                .chain(rows -> plans.payments(plan.id).chain(previous -> {
                    PaymentLedger ledger = PaymentLedger.replay(schedule(rows), standing(previous));
                    Payment payment = new Payment();
                    payment.id = UUID.randomUUID();
                    PaymentLedger after;
                    try {
                        after = ledger.pay(payment.id, amount);
                    } catch (PaymentLedger.OverpaymentException e) {
                        throw Problems.refused("overpayment", "amount: " + e.getMessage());
                    }
                    payment.caseId = debtCase.id;
                    payment.planId = plan.id;
                    payment.amount = amount.setScale(PlanSchedule.SCALE);
                    payment.paidBy = payer;
                    payment.receivedAt = now;
                    List<PaymentLedger.Allocation> allocations = after.applied().get(after.applied().size() - 1)
                            .allocations();
                    apply(rows, after);
                    debtCase.paid = debtCase.paid.add(payment.amount);
                    debtCase.outstanding = debtCase.amount.subtract(debtCase.paid);
                    return plans.record(payment, allocations.stream()
                                    .map(a -> PaymentAllocation.of(payment.id, a.n(), a.amount())).toList())
                            .chain(() -> reconcilePromises(debtCase, payment.amount))
                            .chain(() -> after.paidInFull()
                                    ? received(debtCase, payment, allocations).chain(() -> settle(debtCase, plan))
                                    : received(debtCase, payment, allocations)
                                    .chain(() -> ageing.reassess(debtCase, plan, rows)))
                            .replaceWith(() -> new Receipt(payment, allocations, after.paidInFull()));
                })));
    }

    private Uni<Void> received(DebtCase debtCase, Payment payment, List<PaymentLedger.Allocation> allocations) {
        return record.note(debtCase, "PAYMENT_RECEIVED", payment.paidBy, "Payment " + payment.id + " of "
                        + payment.amount.toPlainString() + " to " + describe(allocations) + "; outstanding "
                        + debtCase.outstanding.toPlainString(),
                new DebtEvents.PaymentReceived(debtCase.id, debtCase.debtorId, payment.id, payment.amount,
                        debtCase.outstanding));
    }

    /**
     * What a sold pledge raised, paid off what is owed outside any plan (by {@code PLEDGE}, no installment named):
     * the case is settled when nothing is left, its live plan (if one was agreed since) completed with it. The
     * timeline says so; the debtor is told by the pledge's own event.
     */
    public Uni<Payment> payOutsidePlan(DebtCase debtCase, String payer, BigDecimal amount) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.caseId = debtCase.id;
        payment.amount = amount.setScale(PlanSchedule.SCALE);
        payment.paidBy = payer;
        payment.receivedAt = clock.instant();
        debtCase.paid = debtCase.paid.add(payment.amount);
        debtCase.outstanding = debtCase.amount.subtract(debtCase.paid);
        return plans.record(payment, List.of()).chain(() -> reconcilePromises(debtCase, payment.amount))
                .chain(() -> record.note(debtCase, "PAYMENT_RECEIVED", payer, "Payment " + payment.id + " of "
                        + payment.amount.toPlainString() + " outside the plan; outstanding "
                        + debtCase.outstanding.toPlainString()))
                .chain(() -> debtCase.outstanding.signum() > 0 ? Uni.createFrom().voidItem()
                        : plans.liveOf(debtCase.id).chain(plan -> settle(debtCase, plan)))
                .replaceWith(payment);
    }

    /** Nothing is owed any more: the case is settled (and its plan, when there is one, completed). */
    private Uni<Void> settle(DebtCase debtCase, Plan plan) {
        Instant now = clock.instant();
        if (plan != null) {
            plan.moveTo(PlanStatus.COMPLETED, now);
        }
        BigDecimal discount = debtCase.amount.subtract(debtCase.paid);
        String heldAs = debtCase.hold;
        debtCase.outstanding = BigDecimal.ZERO.setScale(PlanSchedule.SCALE);
        // a hold, or an escalation (settled while passed on: a sold pledge paid it), ends with the case
        debtCase.close(CaseStatus.SETTLED, discount, now);
        // a hold ends with the case: its end is announced, as when an agent lifts it
        Uni<Void> released = heldAs == null ? Uni.createFrom().voidItem()
                : record.note(debtCase, "CASE_RELEASED", Negotiation.SYSTEM, heldAs + " hold ended: the case is settled",
                new DebtEvents.CaseReleased(debtCase.id, debtCase.debtorId));
        return released
                .chain(() -> record.note(debtCase, "DEBT_SETTLED", Negotiation.SYSTEM, "Settled: "
                                + debtCase.paid.toPlainString() + " paid" + (discount.signum() > 0
                                ? ", " + discount.toPlainString() + " forgiven" : ""),
                        new DebtEvents.DebtSettled(debtCase.id, debtCase.debtorId, debtCase.paid, discount)))
                .chain(() -> pledges.releaseAll(debtCase, "the case is settled"));
    }

    /** An agent reverses a payment; the plan's standing payments are replayed in order. */
    public Uni<Payment> reverse(DebtCase debtCase, UUID paymentId, String agent, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the payment is reversed");
        }
        if (debtCase.status == CaseStatus.WRITTEN_OFF) {
            throw Problems.conflict("case-closed", "case " + debtCase.id + " is written off");
        }
        if (debtCase.status == CaseStatus.ESCALATED) {
            throw Problems.conflict("case-escalated", "case " + debtCase.id + " was passed to "
                    + debtCase.escalationStage + ": a supervisor recalls it before a payment is reversed");
        }
        Instant now = clock.instant();
        return plans.payment(paymentId).chain(payment -> {
            if (payment == null || !payment.caseId.equals(debtCase.id)) {
                throw Problems.notFound("payment", paymentId);
            }
            if (BalancePayments.PAID_BY.equals(payment.paidBy)) {
                throw Problems.conflict("balance-payment", "payment " + paymentId + " came from the debtor's USDT "
                        + "balance, which cannot bounce: it is not reversed");
            }
            if (payment.planId == null) {
                throw Problems.conflict("pledge-payment", "payment " + paymentId + " is what a sold pledge raised, "
                        + "which cannot bounce: it is not reversed");
            }
            if (payment.status != PaymentStatus.APPLIED) {
                throw Problems.conflict("already-reversed", "payment " + paymentId + " is already reversed");
            }
            payment.reverse(agent, now, reason);
            return plans.findById(payment.planId).chain(plan -> plans.installments(plan.id)
                    .chain(rows -> plans.payments(plan.id).chain(all -> {
                        PaymentLedger replayed = PaymentLedger.replay(schedule(rows), standing(all));
                        apply(rows, replayed);
                        List<UUID> ids = all.stream().map(p -> p.id).toList();
                        List<PaymentAllocation> allocations = new ArrayList<>();
                        replayed.applied().forEach(applied -> applied.allocations().forEach(a ->
                                allocations.add(PaymentAllocation.of(applied.paymentId(), a.n(), a.amount()))));
                        debtCase.paid = debtCase.paid.subtract(payment.amount);
                        boolean reopens = debtCase.status == CaseStatus.SETTLED && plan.status == PlanStatus.COMPLETED;
                        if (reopens) {
                            plan.moveTo(PlanStatus.ACTIVE, now);
                            debtCase.reopen(CaseStatus.IN_PLAN);
                        }
                        // a payment of an earlier (broken) plan of a settled case: the settlement was agreed on
                        // what was owed after it, so the case is not settled any more: back to negotiation
                        boolean unsettles = debtCase.status == CaseStatus.SETTLED && !reopens;
                        if (unsettles) {
                            debtCase.reopen(CaseStatus.NEGOTIATING);
                        }
                        debtCase.outstanding = debtCase.amount.subtract(debtCase.paid);
                        return plans.reallocate(ids, allocations)
                                .chain(() -> record.note(debtCase, "PAYMENT_REVERSED", agent, "Payment " + payment.id
                                                + " of " + payment.amount.toPlainString() + " reversed: " + reason
                                                + (reopens ? "; the case is open again" : "")
                                                + (unsettles ? "; the case is not settled any more: back to negotiation"
                                                : "") + "; outstanding "
                                                + debtCase.outstanding.toPlainString(),
                                        new DebtEvents.PaymentReversed(debtCase.id, debtCase.debtorId, payment.id,
                                                payment.amount, debtCase.outstanding, reason)))
                                .chain(() -> plan.isLive() ? ageing.reassess(debtCase, plan, rows)
                                        : Uni.createFrom().voidItem());
                    })))
                    .replaceWith(payment);
        });
    }

    /** Payments count toward the case's open promises, earliest due first; a promise paid in full is KEPT. */
    private Uni<Void> reconcilePromises(DebtCase debtCase, BigDecimal amount) {
        return caseFile.openPromises(debtCase.id).chain(promises -> {
                    BigDecimal left = amount;
                    List<Promise> kept = new ArrayList<>();
                    for (Promise promise : promises) {
                        if (left.signum() <= 0) {
                            break;
                        }
                        BigDecimal part = left.min(promise.amount.subtract(promise.paid));
                        promise.paid = promise.paid.add(part);
                        left = left.subtract(part);
                        if (promise.paid.compareTo(promise.amount) >= 0) {
                            promise.resolve(PromiseStatus.KEPT, clock.instant());
                            kept.add(promise);
                        }
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Promise promise : kept) {
                        chain = chain.chain(() -> record.note(debtCase, "PROMISE_KEPT", Negotiation.SYSTEM,
                                "Promise to pay " + promise.amount.toPlainString() + " by " + promise.dueDate + " kept"));
                    }
                    return chain;
                });
    }

    static List<Installment> schedule(List<PlanInstallment> rows) {
        return rows.stream().map(PlanInstallment::installment).toList();
    }

    static List<PaymentLedger.Payment> standing(List<Payment> payments) {
        return payments.stream()
                .map(p -> new PaymentLedger.Payment(p.id, p.amount, p.status == PaymentStatus.REVERSED)).toList();
    }

    private static void apply(List<PlanInstallment> rows, PaymentLedger ledger) {
        for (PlanInstallment row : rows) {
            row.paid = ledger.paidOn(row.n);
        }
    }

    private static String describe(List<PaymentLedger.Allocation> allocations) {
        return allocations.stream().map(a -> "installment " + a.n() + ": " + a.amount().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
