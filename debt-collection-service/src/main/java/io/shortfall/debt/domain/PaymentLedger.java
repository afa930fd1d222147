package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How payments are allocated to a plan's schedule (docs/DOMAIN.md, "Payments"): each payment goes to the
 * oldest installment not fully paid, what exceeds it prepays the next ones, and a payment larger than
 * everything still owed is refused. A reversal is a replay: the ledger is rebuilt from the schedule with
 * the payments that still stand, in their original order, so the same payments in the same order always
 * give the same state and no cent is created or lost.
 *
 * <p>Immutable: {@link #pay} returns a new ledger.
 */
public final class PaymentLedger {

    /** A payment as recorded: its id, amount and whether an agent reversed it. */
    public record Payment(UUID id, BigDecimal amount, boolean reversed) {
        public Payment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The part of a payment that went to installment {@code n}. */
    public record Allocation(int n, BigDecimal amount) {
    }

    /** A payment that stands, with where its money went (which sums to its amount). */
    public record Applied(UUID paymentId, BigDecimal amount, List<Allocation> allocations) {
    }

    /** A payment larger than what is still owed. */
    public static final class OverpaymentException extends IllegalArgumentException {
        private final BigDecimal outstanding;

        OverpaymentException(BigDecimal amount, BigDecimal outstanding) {
            super("a payment of " + amount.toPlainString() + " is more than the " + outstanding.toPlainString()
                    + " still owed");
            this.outstanding = outstanding;
        }

        public BigDecimal outstanding() {
            return outstanding;
        }
    }

    private final List<Installment> schedule;
    private final List<BigDecimal> paid;
    private final List<Applied> applied;

    private PaymentLedger(List<Installment> schedule, List<BigDecimal> paid, List<Applied> applied) {
        this.schedule = schedule;
        this.paid = paid;
        this.applied = applied;
    }

    /** A ledger with nothing paid yet. */
    public static PaymentLedger of(List<Installment> schedule) {
        if (schedule == null || schedule.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one installment");
        }
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.get(i).n() != i + 1) {
                throw new IllegalArgumentException("installments are numbered 1.." + schedule.size());
            }
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(PlanSchedule.SCALE);
        return new PaymentLedger(List.copyOf(schedule), schedule.stream().map(i -> zero).toList(), List.of());
    }

    /**
     * The ledger after the payments that stand (not reversed), applied in the given order.
     *
     * @throws OverpaymentException if the standing payments exceed the schedule (they never do when each was
     *                              accepted by {@link #pay} on the ledger of the payments before it)
     */
    public static PaymentLedger replay(List<Installment> schedule, List<Payment> paymentsInOrder) {
        PaymentLedger ledger = of(schedule);
        for (Payment payment : paymentsInOrder) {
            if (!payment.reversed()) {
                ledger = ledger.pay(payment.id(), payment.amount());
            }
        }
        return ledger;
    }

    /**
     * Applies a payment: oldest unpaid installment first, the excess to the following ones.
     *
     * @throws IllegalArgumentException if the amount is not positive or not exact to the cent
     * @throws OverpaymentException     if it is more than what is still owed
     */
    public PaymentLedger pay(UUID paymentId, BigDecimal amount) {
        Objects.requireNonNull(paymentId, "paymentId");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment is a positive amount: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > PlanSchedule.SCALE) {
            throw new IllegalArgumentException("a payment is exact to the cent: " + amount);
        }
        BigDecimal outstanding = outstanding();
        if (amount.compareTo(outstanding) > 0) {
            throw new OverpaymentException(amount, outstanding);
        }
        List<BigDecimal> newPaid = new ArrayList<>(paid);
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount.setScale(PlanSchedule.SCALE);
        for (int i = 0; i < schedule.size() && left.signum() > 0; i++) {
            BigDecimal due = schedule.get(i).amount().subtract(newPaid.get(i));
            if (due.signum() <= 0) {
                continue;
            }
            BigDecimal part = left.min(due);
            newPaid.set(i, newPaid.get(i).add(part));
            allocations.add(new Allocation(i + 1, part));
            left = left.subtract(part);
        }
        List<Applied> newApplied = new ArrayList<>(applied);
        newApplied.add(new Applied(paymentId, amount.setScale(PlanSchedule.SCALE), List.copyOf(allocations)));
        return new PaymentLedger(schedule, List.copyOf(newPaid), List.copyOf(newApplied));
    }

    public List<Installment> schedule() {
        return schedule;
    }

    /** What has been paid on each installment, in schedule order. */
    public List<BigDecimal> paid() {
        return paid;
    }

    public BigDecimal paidOn(int n) {
        return paid.get(n - 1);
    }

    /** What is still owed on installment {@code n}. */
    public BigDecimal remainingOn(int n) {
        return schedule.get(n - 1).amount().subtract(paid.get(n - 1));
    }

    /** The standing payments in order, each with its allocations. */
    public List<Applied> applied() {
        return applied;
    }

    public BigDecimal totalPaid() {
        return paid.stream().reduce(BigDecimal.ZERO.setScale(PlanSchedule.SCALE), BigDecimal::add);
    }

    public BigDecimal outstanding() {
        return PlanSchedule.total(schedule).subtract(totalPaid());
    }

    public boolean paidInFull() {
        return outstanding().signum() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentLedger other && schedule.equals(other.schedule) && paid.equals(other.paid)
                && applied.equals(other.applied);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, paid, applied);
    }

    @Override
    public String toString() {
        return "PaymentLedger{paid=" + paid + ", outstanding=" + outstanding() + "}";
    }
}
