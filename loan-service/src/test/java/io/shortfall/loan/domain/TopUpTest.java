package io.shortfall.loan.domain;

import io.shortfall.events.Thresholds;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.shortfall.loan.domain.TopUp.Occasion.BEFORE_SALE;
import static io.shortfall.loan.domain.TopUp.Occasion.REQUESTED;
import static io.shortfall.loan.domain.TopUp.Occasion.STANDING;
import static org.assertj.core.api.Assertions.assertThat;

class TopUpTest {

    private static final Thresholds RULES = Thresholds.DEFAULTS;          // 0.65 / 0.75 / 0.80 / 0.8333
    private static final BigDecimal DEBT = new BigDecimal("900.00");
    private static final BigDecimal TEN = new BigDecimal("10.00000000");

    private static TopUp.Plan plan(TopUp.Occasion occasion, String price, String available) {
        return TopUp.plan(occasion, DEBT, TEN, new BigDecimal(price), RULES, new BigDecimal(available), 8);
    }

    @Test
    void aTriggeredLoanItsReserveCanSaveTakesWhatReachesTheInitialLtv() {
        // 10 SOL owing 900 at 107: LTV 0.8411; 900 / (0.65 × 107) − 10 = 2.94033069…, rounded up.
        TopUp.Plan plan = plan(BEFORE_SALE, "107", "5");
        assertThat(plan.move()).isEqualByComparingTo("2.94033070");
        assertThat(plan.isShort()).isFalse();
    }

    @Test
    void beforeASaleAReserveThatTakesTheLoanOnlyUnderTheLiquidationLtvMovesAllItHolds() {
        // 10.9 SOL at 107 is LTV 0.7717: under 0.8333, short of the initial 0.65.
        TopUp.Plan plan = plan(BEFORE_SALE, "107", "0.9");
        assertThat(plan.move()).isEqualByComparingTo("0.9");
        assertThat(plan.isShort()).isTrue();
    }

    @Test
    void beforeASaleAReserveThatCannotSaveTheLoanMovesNothing() {
        // 10.05 SOL at 107 is LTV 0.8369, still past 0.8333.
        assertThat(plan(BEFORE_SALE, "107", "0.05").moves()).isFalse();
    }

    @Test
    void fundedOrSwitchedOnTheReserveMovesOnlyIntoALoanAtOrPastItsMarginCall() {
        assertThat(plan(STANDING, "115", "5").moves()).isFalse();     // LTV 0.7826: ORANGE
        assertThat(plan(STANDING, "112.5", "5").move()).isEqualByComparingTo("2.30769231");   // LTV 0.80 exactly
        assertThat(plan(STANDING, "110", "5").move()).isEqualByComparingTo("2.58741259");     // LTV 0.8182
    }

    @Test
    void aRequestMovesWhateverHelpsAndSaysWhenItIsShort() {
        TopUp.Plan orange = plan(REQUESTED, "115", "0.5");
        assertThat(orange.move()).isEqualByComparingTo("0.5");
        assertThat(orange.isShort()).isTrue();
        TopUp.Plan empty = plan(REQUESTED, "115", "0");
        assertThat(empty.moves()).isFalse();
        assertThat(empty.isShort()).isTrue();
        assertThat(plan(REQUESTED, "150", "5").needed()).isEqualByComparingTo("0");
    }

    @Property
    void neverMovesMoreThanTheReserveHoldsNorThanReachesTheInitialLtv(
            @ForAll TopUp.Occasion occasion,
            @ForAll @BigRange(min = "1", max = "1000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "0", max = "50") @Scale(8) BigDecimal available) {
        TopUp.Plan plan = TopUp.plan(occasion, DEBT, TEN, price, RULES, available, 8);
        assertThat(plan.move()).isLessThanOrEqualTo(available).isLessThanOrEqualTo(plan.needed().max(BigDecimal.ZERO));
        assertThat(plan.move().signum()).isNotNegative();
        if (plan.moves() && !plan.isShort()) {
            assertThat(LoanMath.atOrAbove(DEBT, TEN.add(plan.move()), price, RULES.initial().add(new BigDecimal("0.0001"))))
                    .as("what moved reaches the initial LTV").isFalse();
        }
    }

    @Property
    void beforeASaleTheReserveMovesExactlyWhenItSavesTheLoan(
            @ForAll @BigRange(min = "1", max = "1000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "0", max = "50") @Scale(8) BigDecimal available) {
        TopUp.Plan plan = TopUp.plan(BEFORE_SALE, DEBT, TEN, price, RULES, available, 8);
        boolean pastLiquidation = LoanMath.atOrAbove(DEBT, TEN, price, RULES.liquidation());
        boolean reserveSaves = !LoanMath.atOrAbove(DEBT, TEN.add(available), price, RULES.liquidation());
        if (pastLiquidation) {
            assertThat(plan.moves()).isEqualTo(reserveSaves);
        }
        if (plan.moves()) {
            assertThat(LoanMath.atOrAbove(DEBT, TEN.add(plan.move()), price, RULES.liquidation())).isFalse();
        }
    }

    @Property
    void fundedOrSwitchedOnTheReserveMovesOnlyPastTheMarginCall(
            @ForAll @BigRange(min = "1", max = "1000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "0", max = "50") @Scale(8) BigDecimal available) {
        TopUp.Plan plan = TopUp.plan(STANDING, DEBT, TEN, price, RULES, available, 8);
        boolean called = LoanMath.atOrAbove(DEBT, TEN, price, RULES.marginCall());
        assertThat(plan.moves()).isEqualTo(called && available.signum() > 0);
    }
}
