package io.shortfall.loan.domain;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepaymentTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void interestIsPaidFirst() {
        var split = Repayment.allocate(d("30.00"), d("12.34"), d("1000.00"));
        assertThat(split.interestPaid()).isEqualByComparingTo("12.34");
        assertThat(split.principalPaid()).isEqualByComparingTo("17.66");
        assertThat(split.interestLeft()).isEqualByComparingTo("0");
        assertThat(split.principalLeft()).isEqualByComparingTo("982.34");
        assertThat(split.settlesTheDebt()).isFalse();
    }

    @Test
    void lessThanTheInterestPaysOnlyInterest() {
        var split = Repayment.allocate(d("5.00"), d("12.34"), d("1000.00"));
        assertThat(split.interestPaid()).isEqualByComparingTo("5.00");
        assertThat(split.principalPaid()).isEqualByComparingTo("0");
        assertThat(split.interestLeft()).isEqualByComparingTo("7.34");
        assertThat(split.principalLeft()).isEqualByComparingTo("1000.00");
    }

    @Test
    void exactlyTheDebtSettlesIt() {
        var split = Repayment.allocate(d("1012.34"), d("12.34"), d("1000.00"));
        assertThat(split.settlesTheDebt()).isTrue();
        assertThat(split.principalPaid()).isEqualByComparingTo("1000.00");
    }

    @Test
    void aCentMoreThanTheDebtIsRefusedNamingTheDebt() {
        assertThatThrownBy(() -> Repayment.allocate(d("1012.35"), d("12.34"), d("1000.00")))
                .isInstanceOf(Repayment.Overpayment.class)
                .hasMessageContaining("1012.34")
                .satisfies(e -> assertThat(((Repayment.Overpayment) e).debt()).isEqualByComparingTo("1012.34"));
    }

    @Test
    void nothingOrANegativeAmountIsRefused() {
        assertThatThrownBy(() -> Repayment.allocate(d("0"), d("1"), d("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Repayment.allocate(d("-1"), d("1"), d("1"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The split sums back to the amount, and what is left plus what was paid is the debt before. */
    @Property
    void noCentIsCreatedOrLost(@ForAll @BigRange(min = "0.01", max = "1000000000000") @Scale(2) BigDecimal amount,
                               @ForAll @BigRange(min = "0", max = "1000000000") @Scale(2) BigDecimal interest,
                               @ForAll @BigRange(min = "0", max = "1000000000000") @Scale(2) BigDecimal principal) {
        Assume.that(amount.compareTo(interest.add(principal)) <= 0);
        var split = Repayment.allocate(amount, interest, principal);
        assertThat(split.interestPaid().add(split.principalPaid())).isEqualByComparingTo(amount);
        assertThat(split.interestPaid().add(split.interestLeft())).isEqualByComparingTo(interest);
        assertThat(split.principalPaid().add(split.principalLeft())).isEqualByComparingTo(principal);
        assertThat(split.interestPaid()).isNotNegative();
        assertThat(split.principalPaid()).isNotNegative();
        assertThat(split.interestLeft()).isNotNegative();
        assertThat(split.principalLeft()).isNotNegative();
        // interest first: principal is paid only once no interest is left
        if (split.principalPaid().signum() > 0) {
            assertThat(split.interestLeft()).isZero();
        }
        assertThat(split.settlesTheDebt()).isEqualTo(amount.compareTo(interest.add(principal)) == 0);
    }

    /** Any payment above the debt is refused, whatever it is. */
    @Property
    void anOverpaymentIsAlwaysRefused(@ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal excess,
                                      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal interest,
                                      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal principal) {
        BigDecimal amount = interest.add(principal).add(excess);
        assertThatThrownBy(() -> Repayment.allocate(amount, interest, principal))
                .isInstanceOf(Repayment.Overpayment.class);
    }

    /** Paying in any two parts leaves exactly what paying the sum at once leaves. */
    @Property
    void twoPaymentsLeaveWhatTheirSumLeaves(@ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal first,
                                            @ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal second,
                                            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal interest,
                                            @ForAll @BigRange(min = "0", max = "2000000") @Scale(2) BigDecimal principal) {
        Assume.that(first.add(second).compareTo(interest.add(principal)) <= 0);
        var a = Repayment.allocate(first, interest, principal);
        var b = Repayment.allocate(second, a.interestLeft(), a.principalLeft());
        var once = Repayment.allocate(first.add(second), interest, principal);
        assertThat(b.interestLeft()).isEqualByComparingTo(once.interestLeft());
        assertThat(b.principalLeft()).isEqualByComparingTo(once.principalLeft());
    }
}
