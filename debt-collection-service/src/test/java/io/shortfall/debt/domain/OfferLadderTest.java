package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferLadderTest {

    private static final OfferLadder.Terms DEFAULTS = new OfferLadder.Terms(14, 30, List.of(3, 6, 12));

    private static final OfferPolicy.Bounds BOUNDS = OfferPolicy.Bounds.DEFAULT;

    /** Bounds that leave every rung in, to state the ladder's other rules alone. */
    private static final OfferPolicy.Bounds ANY = new OfferPolicy.Bounds(360, new BigDecimal("0.01"), 3650,
            new BigDecimal("0.10"));

    @Test
    void payInFullWithin14DaysOr3_6Or12MonthlyInstallmentsFrom30DaysOn() {
        var ladder = OfferLadder.build(new BigDecimal("1000.00"), LocalDate.of(2027, 1, 31), DEFAULTS, BOUNDS);

        assertThat(ladder).extracting(OfferLadder.Rung::kind, OfferLadder.Rung::installments).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OfferLadder.Kind.PAY_IN_FULL, 1),
                org.assertj.core.groups.Tuple.tuple(OfferLadder.Kind.INSTALLMENTS, 3),
                org.assertj.core.groups.Tuple.tuple(OfferLadder.Kind.INSTALLMENTS, 6),
                org.assertj.core.groups.Tuple.tuple(OfferLadder.Kind.INSTALLMENTS, 12));

        var inFull = ladder.get(0);
        assertThat(inFull.schedule()).containsExactly(
                new Installment(1, LocalDate.of(2027, 2, 14), new BigDecimal("1000.00")));

        var three = ladder.get(1);
        assertThat(three.schedule()).containsExactly(
                new Installment(1, LocalDate.of(2027, 3, 2), new BigDecimal("333.33")),
                new Installment(2, LocalDate.of(2027, 4, 2), new BigDecimal("333.33")),
                new Installment(3, LocalDate.of(2027, 5, 2), new BigDecimal("333.34")));

        var twelve = ladder.get(3);
        assertThat(twelve.schedule()).hasSize(12);
        assertThat(twelve.schedule().get(0).amount()).isEqualByComparingTo("83.33");
        assertThat(twelve.schedule().get(11)).isEqualTo(
                new Installment(12, LocalDate.of(2028, 2, 2), new BigDecimal("83.37")));
        assertThat(ladder).allSatisfy(rung -> assertThat(rung.total()).isEqualByComparingTo("1000.00"));
    }

    @Test
    void anInstallmentRungNeedsAtLeastOneCentPerInstallment() {
        var ladder = OfferLadder.build(new BigDecimal("0.05"), LocalDate.of(2027, 6, 1), DEFAULTS, ANY);
        assertThat(ladder).extracting(OfferLadder.Rung::installments).containsExactly(1, 3);
        assertThat(ladder.get(1).schedule()).extracting(Installment::amount)
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.03"));
    }

    @Test
    void theTermsAreConfigurable() {
        var terms = new OfferLadder.Terms(7, 10, List.of(24, 2, 2));
        var ladder = OfferLadder.build(new BigDecimal("480.00"), LocalDate.of(2027, 1, 1), terms, ANY);
        assertThat(ladder).extracting(OfferLadder.Rung::installments).containsExactly(1, 2, 24);
        assertThat(ladder.get(0).firstDueDate()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(ladder.get(1).firstDueDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(ladder.get(2).schedule().get(0).amount()).isEqualByComparingTo("20.00");

        assertThatThrownBy(() -> new OfferLadder.Terms(14, 30, List.of(1, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfferLadder.Terms(-1, 30, List.of(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everyRungOfTheLadderSumsExactlyToTheDebt(
            @ForAll @BigRange(min = "0.01", max = "5000000") @Scale(2) BigDecimal amount,
            @ForAll @DateRange(min = "2020-01-01", max = "2100-12-31") LocalDate today) {
        var ladder = OfferLadder.build(amount, today, DEFAULTS, ANY);

        assertThat(ladder.get(0).kind()).isEqualTo(OfferLadder.Kind.PAY_IN_FULL);
        assertThat(ladder.get(0).firstDueDate()).isEqualTo(today.plusDays(14));
        assertThat(ladder).allSatisfy(rung -> {
            assertThat(rung.total()).isEqualByComparingTo(amount);
            assertThat(rung.schedule()).hasSize(rung.installments())
                    .allSatisfy(i -> assertThat(i.amount().signum()).isPositive());
        });
        assertThat(ladder.subList(1, ladder.size())).allSatisfy(rung ->
                assertThat(rung.firstDueDate()).isEqualTo(today.plusDays(30)));
        if (amount.compareTo(new BigDecimal("0.12")) >= 0) {
            assertThat(ladder).extracting(OfferLadder.Rung::installments).containsExactly(1, 3, 6, 12);
        }
    }

    @Test
    void aRungOutsideTheSelfServeBoundsIsNotOffered() {
        // 480.08: 12 x 40.00 is under the 50 minimum a debtor may propose alone, so it is not offered either.
        var ladder = OfferLadder.build(new BigDecimal("480.08"), LocalDate.of(2027, 1, 31), DEFAULTS, BOUNDS);
        assertThat(ladder).extracting(OfferLadder.Rung::installments).containsExactly(1, 3, 6);
        assertThat(ladder.get(2).schedule().get(0).amount()).isEqualByComparingTo("80.01");
        // A debt too small for any plan inside the bounds is offered as one payment only.
        assertThat(OfferLadder.build(new BigDecimal("120.00"), LocalDate.of(2027, 1, 31), DEFAULTS, BOUNDS))
                .extracting(OfferLadder.Rung::installments).containsExactly(1);
        // More installments than the bounds allow are not offered, however large the debt.
        var longer = new OfferLadder.Terms(14, 30, List.of(3, 24));
        assertThat(OfferLadder.build(new BigDecimal("100000.00"), LocalDate.of(2027, 1, 31), longer, BOUNDS))
                .extracting(OfferLadder.Rung::installments).containsExactly(1, 3);
    }

    @Property
    void everyOfferedRungIsInsideTheSelfServeBoundsSoADebtorsProposalEqualToItIsAcceptedAtOnce(
            @ForAll @BigRange(min = "0.01", max = "5000000") @Scale(2) BigDecimal amount,
            @ForAll @DateRange(min = "2020-01-01", max = "2100-12-31") LocalDate today) {
        assertThat(OfferLadder.build(amount, today, DEFAULTS, BOUNDS)).allSatisfy(rung ->
                assertThat(OfferPolicy.outsideBounds(rung.schedule(), today, BOUNDS)).isEmpty());
    }
}
