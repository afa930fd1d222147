package io.shortfall.debt.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanScheduleTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private static List<String> amounts(List<Installment> schedule) {
        return schedule.stream().map(i -> i.amount().toPlainString()).toList();
    }

    private static List<LocalDate> dates(List<Installment> schedule) {
        return schedule.stream().map(Installment::dueDate).toList();
    }

    @Test
    void equalInstallmentsRoundedDownWithTheRemainderOnTheLast() {
        var schedule = PlanSchedule.monthly(new BigDecimal("1000.00"), 3, null, LocalDate.of(2027, 3, 2));
        assertThat(amounts(schedule)).containsExactly("333.33", "333.33", "333.34");
        assertThat(schedule).extracting(Installment::n).containsExactly(1, 2, 3);
        assertThat(dates(schedule)).containsExactly(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 4, 2),
                LocalDate.of(2027, 5, 2));

        assertThat(amounts(PlanSchedule.monthly(new BigDecimal("100"), 12, null, LocalDate.of(2027, 1, 1))))
                .containsExactly("8.33", "8.33", "8.33", "8.33", "8.33", "8.33", "8.33", "8.33", "8.33", "8.33",
                        "8.33", "8.37");
        assertThat(amounts(PlanSchedule.monthly(new BigDecimal("0.02"), 3, null, LocalDate.of(2027, 1, 1))))
                .containsExactly("0.00", "0.00", "0.02");
        assertThat(amounts(PlanSchedule.monthly(new BigDecimal("99.99"), 1, null, LocalDate.of(2027, 1, 1))))
                .containsExactly("99.99");
    }

    @Test
    void aDownPaymentComesFirstAndTheRestIsSplit() {
        var schedule = PlanSchedule.monthly(new BigDecimal("1000.00"), 4, new BigDecimal("100"),
                LocalDate.of(2027, 1, 15));
        assertThat(amounts(schedule)).containsExactly("100.00", "225.00", "225.00", "225.00", "225.00");
        assertThat(schedule).extracting(Installment::n).containsExactly(1, 2, 3, 4, 5);
        assertThat(dates(schedule)).containsExactly(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 15), LocalDate.of(2027, 5, 15));

        assertThat(amounts(PlanSchedule.monthly(new BigDecimal("250.00"), 3, new BigDecimal("50.01"),
                LocalDate.of(2027, 1, 1)))).containsExactly("50.01", "66.66", "66.66", "66.67");
        assertThat(amounts(PlanSchedule.monthly(new BigDecimal("250.00"), 2, BigDecimal.ZERO,
                LocalDate.of(2027, 1, 1)))).containsExactly("125.00", "125.00");
    }

    @Test
    void dueDatesKeepTheDayOfMonthClampedToTheMonthsEnd() {
        var schedule = PlanSchedule.monthly(new BigDecimal("1200.00"), 6, null, LocalDate.of(2027, 1, 31));
        assertThat(dates(schedule)).containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31),
                LocalDate.of(2027, 6, 30));
        assertThat(dates(PlanSchedule.monthly(new BigDecimal("300.00"), 3, null, LocalDate.of(2028, 1, 30))))
                .containsExactly(LocalDate.of(2028, 1, 30), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 30));
        assertThat(dates(PlanSchedule.monthly(new BigDecimal("300.00"), 3, null, LocalDate.of(2027, 11, 30))))
                .containsExactly(LocalDate.of(2027, 11, 30), LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 30));
    }

    @Test
    void refusesWhatIsNotAPlan() {
        LocalDate first = LocalDate.of(2027, 1, 1);
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10.001"), 3, null, first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cent");
        assertThatThrownBy(() -> PlanSchedule.monthly(BigDecimal.ZERO, 3, null, first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("-5"), 3, null, first))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10"), 0, null, first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("installment");
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10"), 2, new BigDecimal("10"), first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downPayment");
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10"), 2, new BigDecimal("-1"), first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downPayment");
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10"), 2, new BigDecimal("1.005"), first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downPayment");
        assertThatThrownBy(() -> PlanSchedule.monthly(new BigDecimal("10"), 2, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstDueDate");
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(CENT, new BigDecimal("10000000.00")).ofScale(2)
                .edgeCases(edges -> edges.add(CENT, new BigDecimal("0.11"), new BigDecimal("12.00")));
    }

    /** The equal installments of a schedule: all but the down payment, if any. */
    private static List<Installment> equalPart(List<Installment> schedule, boolean downPayment) {
        return downPayment ? schedule.subList(1, schedule.size()) : schedule;
    }

    @Property
    void aScheduleAlwaysSumsExactlyToTheAmountAndNoInstallmentIsNegative(
            @ForAll("amounts") BigDecimal amount, @ForAll @IntRange(min = 1, max = 120) int installments,
            @ForAll @IntRange(min = 0, max = 100) int downPaymentPercent,
            @ForAll @DateRange(min = "2000-01-01", max = "2200-12-31") LocalDate first) {
        BigDecimal downPayment = amount.multiply(BigDecimal.valueOf(downPaymentPercent))
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
        if (downPayment.compareTo(amount) >= 0) {
            downPayment = null;
        }
        var schedule = PlanSchedule.monthly(amount, installments, downPayment, first);

        assertThat(PlanSchedule.total(schedule)).isEqualByComparingTo(amount);
        assertThat(schedule).allSatisfy(i -> {
            assertThat(i.amount().signum()).isNotNegative();
            assertThat(i.amount().scale()).isEqualTo(2);
        });
        boolean hasDownPayment = downPayment != null && downPayment.signum() > 0;
        assertThat(schedule).hasSize(installments + (hasDownPayment ? 1 : 0));
        if (hasDownPayment) {
            assertThat(schedule.get(0).amount()).isEqualByComparingTo(downPayment);
        }
        for (int i = 0; i < schedule.size(); i++) {
            assertThat(schedule.get(i).n()).isEqualTo(i + 1);
        }
    }

    @Property
    void allButTheLastAreEqualAndTheLastExceedsThemByLessThanNCents(
            @ForAll("amounts") BigDecimal amount, @ForAll @IntRange(min = 1, max = 120) int installments,
            @ForAll @BigRange(min = "0", max = "0.99") @Scale(2) BigDecimal downPaymentShare) {
        BigDecimal downPayment = amount.multiply(downPaymentShare).setScale(2, java.math.RoundingMode.DOWN);
        boolean hasDownPayment = downPayment.signum() > 0;
        var split = equalPart(PlanSchedule.monthly(amount, installments, downPayment, LocalDate.of(2027, 1, 31)),
                hasDownPayment);

        BigDecimal equal = split.get(0).amount();
        assertThat(split.subList(0, split.size() - 1)).allSatisfy(i -> assertThat(i.amount()).isEqualTo(equal));
        BigDecimal difference = split.get(split.size() - 1).amount().subtract(equal);
        assertThat(difference.signum()).isNotNegative();
        assertThat(difference).isLessThan(CENT.multiply(BigDecimal.valueOf(installments)));
    }

    @Property
    void dueDatesStrictlyIncreaseMonthByMonthAndKeepTheAnchorDayWhenTheMonthHasIt(
            @ForAll @DateRange(min = "2000-01-01", max = "2200-12-31") LocalDate first,
            @ForAll @IntRange(min = 1, max = 60) int installments, @ForAll boolean downPayment) {
        var schedule = PlanSchedule.monthly(new BigDecimal("100000.00"), installments,
                downPayment ? new BigDecimal("10.00") : null, first);

        for (int k = 0; k < schedule.size(); k++) {
            LocalDate due = schedule.get(k).dueDate();
            LocalDate month = first.withDayOfMonth(1).plusMonths(k);
            assertThat(due.withDayOfMonth(1)).isEqualTo(month);
            assertThat(due.getDayOfMonth()).isEqualTo(Math.min(first.getDayOfMonth(), month.lengthOfMonth()));
            if (k > 0) {
                assertThat(due).isAfter(schedule.get(k - 1).dueDate());
            }
        }
    }
}
