package io.shortfall.debt.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentLedgerTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 1, 31);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static List<String> plain(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).toList();
    }

    private static final List<Installment> THREE = PlanSchedule.monthly(d("1000.00"), 3, null, FIRST); // 333.33 333.33 333.34

    @Test
    void paysTheOldestInstallmentFirst() {
        var ledger = PaymentLedger.of(THREE).pay(UUID.randomUUID(), d("100"));
        assertThat(plain(ledger.paid())).containsExactly("100.00", "0.00", "0.00");
        assertThat(ledger.outstanding()).isEqualByComparingTo("900.00");
        assertThat(ledger.applied().get(0).allocations()).containsExactly(new PaymentLedger.Allocation(1, d("100.00")));

        ledger = ledger.pay(UUID.randomUUID(), d("233.33"));
        assertThat(plain(ledger.paid())).containsExactly("333.33", "0.00", "0.00");
        assertThat(ledger.remainingOn(1)).isZero();
    }

    @Test
    void anOverpaymentOfOneInstallmentPrepaysTheNext() {
        UUID id = UUID.randomUUID();
        var ledger = PaymentLedger.of(THREE).pay(id, d("700.00"));
        assertThat(plain(ledger.paid())).containsExactly("333.33", "333.33", "33.34");
        assertThat(ledger.applied().get(0).allocations()).containsExactly(
                new PaymentLedger.Allocation(1, d("333.33")), new PaymentLedger.Allocation(2, d("333.33")),
                new PaymentLedger.Allocation(3, d("33.34")));
        assertThat(ledger.outstanding()).isEqualByComparingTo("300.00");
        assertThat(ledger.paidInFull()).isFalse();
    }

    @Test
    void payingEverythingPaysInFullAndAnythingMoreIsRefused() {
        var ledger = PaymentLedger.of(THREE).pay(UUID.randomUUID(), d("999.99"));
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), d("0.02")))
                .isInstanceOf(PaymentLedger.OverpaymentException.class)
                .hasMessageContaining("0.01 still owed");
        assertThat(ledger.outstanding()).isEqualByComparingTo("0.01");
        var paid = ledger.pay(UUID.randomUUID(), d("0.01"));
        assertThat(paid.paidInFull()).isTrue();
        assertThat(plain(paid.paid())).containsExactly("333.33", "333.33", "333.34");
        assertThatThrownBy(() -> paid.pay(UUID.randomUUID(), d("0.01")))
                .isInstanceOf(PaymentLedger.OverpaymentException.class);
        assertThatThrownBy(() -> PaymentLedger.of(THREE).pay(UUID.randomUUID(), d("1000.01")))
                .isInstanceOf(PaymentLedger.OverpaymentException.class);
    }

    @Test
    void refusesWhatIsNotAPayment() {
        var ledger = PaymentLedger.of(THREE);
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), d("0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), d("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), d("1.001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentLedger.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.pay(UUID.randomUUID(), d("1.000")).totalPaid()).isEqualByComparingTo("1");
    }

    @Test
    void aReversalReplaysTheOtherPaymentsInOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        var payments = List.of(new PaymentLedger.Payment(a, d("300"), false),
                new PaymentLedger.Payment(b, d("100"), false), new PaymentLedger.Payment(c, d("50"), false));
        var before = PaymentLedger.replay(THREE, payments);
        assertThat(plain(before.paid())).containsExactly("333.33", "116.67", "0.00");
        assertThat(before.applied().get(1).allocations()).containsExactly(
                new PaymentLedger.Allocation(1, d("33.33")), new PaymentLedger.Allocation(2, d("66.67")));

        var reversed = List.of(payments.get(0), new PaymentLedger.Payment(b, d("100"), true), payments.get(2));
        var after = PaymentLedger.replay(THREE, reversed);
        assertThat(plain(after.paid())).containsExactly("333.33", "16.67", "0.00");
        assertThat(after.applied()).extracting(PaymentLedger.Applied::paymentId).containsExactly(a, c);
        assertThat(after.applied().get(1).allocations()).containsExactly(
                new PaymentLedger.Allocation(1, d("33.33")), new PaymentLedger.Allocation(2, d("16.67")));
        assertThat(after.outstanding()).isEqualByComparingTo("650.00");
    }

    // ---- properties ----

    record Case(List<Installment> schedule, List<BigDecimal> payments) {
    }

    @Provide
    Arbitrary<Case> plansAndPayments() {
        Arbitrary<BigDecimal> amounts = Arbitraries.longs().between(1, 10_000_000).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 24);
        Arbitrary<List<Long>> fractions = Arbitraries.longs().between(1, 1_000_000).list().ofMaxSize(30);
        return Combinators.combine(amounts, counts, fractions).as((amount, n, raw) -> {
            var schedule = PlanSchedule.monthly(amount, n, null, FIRST);
            // payments that each fit in what is left: a mix of small and large
            List<BigDecimal> payments = new ArrayList<>();
            BigDecimal left = amount;
            for (long r : raw) {
                if (left.signum() == 0) {
                    break;
                }
                BigDecimal p = BigDecimal.valueOf(r, 2).min(left);
                payments.add(p);
                left = left.subtract(p);
            }
            return new Case(schedule, payments);
        });
    }

    private static List<PaymentLedger.Payment> standing(List<BigDecimal> amounts) {
        List<PaymentLedger.Payment> payments = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            payments.add(new PaymentLedger.Payment(new UUID(0, i), amounts.get(i), false));
        }
        return payments;
    }

    @Property
    void noCentIsCreatedOrLostAndTheOldestIsPaidFirst(@ForAll("plansAndPayments") Case c) {
        var ledger = PaymentLedger.replay(c.schedule(), standing(c.payments()));
        BigDecimal paidIn = c.payments().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ledger.totalPaid()).isEqualByComparingTo(paidIn);
        assertThat(ledger.totalPaid().add(ledger.outstanding())).isEqualByComparingTo(PlanSchedule.total(c.schedule()));
        for (var applied : ledger.applied()) {
            assertThat(applied.allocations().stream().map(PaymentLedger.Allocation::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(applied.amount());
            assertThat(applied.allocations()).allSatisfy(a -> assertThat(a.amount()).isPositive());
        }
        for (int i = 0; i < c.schedule().size(); i++) {
            assertThat(ledger.paid().get(i)).isBetween(BigDecimal.ZERO, c.schedule().get(i).amount());
            if (i > 0 && ledger.paid().get(i).signum() > 0) {
                assertThat(ledger.remainingOn(i)).as("installment %d before a paid one", i).isZero();
            }
        }
    }

    @Property
    void theSamePaymentsInTheSameOrderGiveTheSameState(@ForAll("plansAndPayments") Case c) {
        var stepByStep = PaymentLedger.of(c.schedule());
        var payments = standing(c.payments());
        for (var payment : payments) {
            stepByStep = stepByStep.pay(payment.id(), payment.amount());
        }
        assertThat(PaymentLedger.replay(c.schedule(), payments)).isEqualTo(stepByStep);
        assertThat(PaymentLedger.replay(c.schedule(), payments)).isEqualTo(PaymentLedger.replay(c.schedule(), payments));
    }

    @Property
    void aReversalIsTheReplayWithoutIt(@ForAll("plansAndPayments") Case c, @ForAll long seed) {
        var payments = standing(c.payments());
        if (payments.isEmpty()) {
            return;
        }
        int reversedIndex = (int) Math.floorMod(seed, (long) payments.size());
        List<PaymentLedger.Payment> withReversal = new ArrayList<>(payments);
        var gone = payments.get(reversedIndex);
        withReversal.set(reversedIndex, new PaymentLedger.Payment(gone.id(), gone.amount(), true));
        List<PaymentLedger.Payment> without = new ArrayList<>(payments);
        without.remove(reversedIndex);

        var after = PaymentLedger.replay(c.schedule(), withReversal);
        assertThat(after).isEqualTo(PaymentLedger.replay(c.schedule(), without));
        var before = PaymentLedger.replay(c.schedule(), payments);
        assertThat(after.outstanding()).isEqualByComparingTo(before.outstanding().add(gone.amount()));
        assertThat(after.totalPaid()).isEqualByComparingTo(before.totalPaid().subtract(gone.amount()));
    }

    @Property
    void anythingAboveTheOutstandingIsRefusedAndChangesNothing(@ForAll("plansAndPayments") Case c,
                                                               @ForAll("cents") BigDecimal extra) {
        var ledger = PaymentLedger.replay(c.schedule(), standing(c.payments()));
        assertThatThrownBy(() -> ledger.pay(UUID.randomUUID(), ledger.outstanding().add(extra)))
                .isInstanceOf(PaymentLedger.OverpaymentException.class);
        if (ledger.outstanding().signum() > 0) {
            assertThat(ledger.pay(UUID.randomUUID(), ledger.outstanding()).paidInFull()).isTrue();
        }
    }

    @Provide
    Arbitrary<BigDecimal> cents() {
        return Arbitraries.longs().between(1, 1_000_000).map(c -> BigDecimal.valueOf(c, 2));
    }
}
