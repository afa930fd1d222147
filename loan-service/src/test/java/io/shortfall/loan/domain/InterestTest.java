package io.shortfall.loan.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterestTest {

    private static final BigDecimal APR = new BigDecimal("0.12000000");
    private static final BigDecimal DAYS = BigDecimal.valueOf(365);

    @Test
    void oneDayOfTwelvePercentOnTenThousandIsThreeTwentyEightAndTheRestIsCarried() {
        // 10000 × 0.12 / 365 = 3.28767...: 3.28 owed, 0.00767... × 365 = 2.8 carried.
        Interest.Accrual day = Interest.accrue(new BigDecimal("10000.00"), APR, 1, BigDecimal.ZERO);
        assertThat(day.interest()).hasToString("3.28");
        assertThat(day.carry()).isEqualByComparingTo("2.8");
    }

    @Test
    void theCarryBecomesACentWhenItAddsUpToOne() {
        // 0.01 × 365 = 3.65: two days of 2.8 carry make 5.6, one more cent and 1.95 left.
        Interest.Accrual first = Interest.accrue(new BigDecimal("10000.00"), APR, 1, BigDecimal.ZERO);
        Interest.Accrual second = Interest.accrue(new BigDecimal("10000.00"), APR, 1, first.carry());
        assertThat(second.interest()).hasToString("3.29");
        assertThat(second.carry()).isEqualByComparingTo("1.95");
    }

    @Test
    void aYearOnTenThousandIsExactlyTwelveHundred() {
        Interest.Accrual year = Interest.accrue(new BigDecimal("10000.00"), APR, 365, BigDecimal.ZERO);
        assertThat(year.interest()).isEqualByComparingTo("1200.00");
        assertThat(year.carry()).isEqualByComparingTo("0");
    }

    @Test
    void noDaysOrNoPrincipalAccrueNothing() {
        assertThat(Interest.accrue(new BigDecimal("5000"), APR, 0, BigDecimal.ZERO).interest()).isZero();
        assertThat(Interest.accrue(BigDecimal.ZERO, APR, 30, BigDecimal.ZERO).interest()).isZero();
    }

    @Test
    void aTinyLoanOwesNothingForADayButTheCarryKeepsIt() {
        Interest.Accrual day = Interest.accrue(new BigDecimal("0.01"), APR, 1, BigDecimal.ZERO);
        assertThat(day.interest()).isZero();
        assertThat(day.carry()).isEqualByComparingTo("0.0012");
    }

    @Test
    void negativeInputsAreRefused() {
        assertThatThrownBy(() -> Interest.accrue(new BigDecimal("-1"), APR, 1, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interest.accrue(BigDecimal.ONE, APR, -1, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interest.accrue(BigDecimal.ONE, APR.negate(), 1, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interest.accrue(BigDecimal.ONE, APR, 1, new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Nothing is created or lost: cents owed plus the carry are exactly principal × apr × days / 365. */
    @Property
    void noCentIsCreatedOrLost(@ForAll @BigRange(min = "0", max = "1000000000000") @Scale(2) BigDecimal principal,
                               @ForAll @BigRange(min = "0", max = "1") @Scale(8) BigDecimal apr,
                               @ForAll @IntRange(min = 0, max = 20000) int days) {
        Interest.Accrual accrual = Interest.accrue(principal, apr, days, BigDecimal.ZERO);
        assertThat(accrual.interest().multiply(DAYS).add(accrual.carry()))
                .isEqualByComparingTo(principal.multiply(apr).multiply(BigDecimal.valueOf(days)));
        assertThat(accrual.interest().scale()).isEqualTo(2);
        assertThat(accrual.carry()).isNotNegative().isLessThan(Interest.carryBound());
    }

    /** Accruing day by day owes exactly what accruing the whole period at once does: the grouping never matters. */
    @Property
    void dayByDayEqualsAllAtOnce(@ForAll @BigRange(min = "0", max = "100000000") @Scale(2) BigDecimal principal,
                                 @ForAll @BigRange(min = "0", max = "1") @Scale(8) BigDecimal apr,
                                 @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 400) Integer> periods) {
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal carry = BigDecimal.ZERO;
        int total = 0;
        for (int days : periods) {
            Interest.Accrual step = Interest.accrue(principal, apr, days, carry);
            owed = owed.add(step.interest());
            carry = step.carry();
            total += days;
        }
        Interest.Accrual once = Interest.accrue(principal, apr, total, BigDecimal.ZERO);
        assertThat(owed).isEqualByComparingTo(once.interest());
        assertThat(carry).isEqualByComparingTo(once.carry());
    }

    /** Never more than the exact simple interest, and less by under a cent. */
    @Property
    void theBorrowerOwesTheExactInterestRoundedDownToTheCent(
            @ForAll @BigRange(min = "0", max = "1000000000") @Scale(2) BigDecimal principal,
            @ForAll @BigRange(min = "0", max = "1") @Scale(8) BigDecimal apr,
            @ForAll @IntRange(min = 0, max = 3650) int days) {
        BigDecimal exact = principal.multiply(apr).multiply(BigDecimal.valueOf(days))
                .divide(DAYS, 40, java.math.RoundingMode.DOWN);
        BigDecimal owed = Interest.accrue(principal, apr, days, BigDecimal.ZERO).interest();
        assertThat(owed).isLessThanOrEqualTo(exact);
        assertThat(exact.subtract(owed)).isLessThan(new BigDecimal("0.01"));
    }
}
