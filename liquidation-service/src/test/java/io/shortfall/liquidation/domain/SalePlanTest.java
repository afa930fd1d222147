package io.shortfall.liquidation.domain;

import io.shortfall.liquidation.domain.SalePlan.Plan;
import io.shortfall.liquidation.domain.SalePlan.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalePlanTest {

    private static final BigDecimal INITIAL = new BigDecimal("0.65");
    private static final BigDecimal LIQUIDATION = new BigDecimal("0.8333");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.02");
    private static final BigDecimal UNIT = new BigDecimal("0.00000001");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Plan partial(String collateral, String debt, String price) {
        return SalePlan.of("PARTIAL", d(collateral), d(debt), d(price), INITIAL, LIQUIDATION, TOLERANCE, 8);
    }

    /** LTV after selling {@code q} at the floor: (D − q·F) / ((C − q)·P), compared as a cross product with L. */
    private static int ltvAfterComparedToInitial(BigDecimal c, BigDecimal debt, BigDecimal p, BigDecimal q) {
        BigDecimal floor = p.multiply(BigDecimal.ONE.subtract(TOLERANCE));
        return debt.subtract(q.multiply(floor)).compareTo(INITIAL.multiply(c.subtract(q)).multiply(p));
    }

    @Test
    void fullPolicySellsEverything() {
        Plan plan = SalePlan.of("FULL", d("10"), d("20000.00"), d("2900"), INITIAL, LIQUIDATION, TOLERANCE, 8);
        assertThat(plan).isEqualTo(new Plan("FULL", d("10"), Reason.FULL_POLICY));
    }

    @Test
    void partialSellsJustEnoughToGetBackToTheInitialLtvAtTheFloor() {
        // 10 ETH at 2900 = 29000, debt 24200 (LTV 83.45%, below 0.8333 / 0.95 = 87.72%).
        // q = (24200 − 0.65 × 29000) / (2842 − 0.65 × 2900) = 5350 / 957 = 5.590386624... rounded up.
        Plan plan = partial("10", "24200.00", "2900");
        assertThat(plan.policy()).isEqualTo("PARTIAL");
        assertThat(plan.reason()).isEqualTo(Reason.BACK_TO_INITIAL_LTV);
        assertThat(plan.quantity()).isEqualByComparingTo("5.59038663");
        BigDecimal c = d("10");
        assertThat(ltvAfterComparedToInitial(c, d("24200.00"), d("2900"), plan.quantity())).isLessThanOrEqualTo(0);
        assertThat(ltvAfterComparedToInitial(c, d("24200.00"), d("2900"), plan.quantity().subtract(UNIT)))
                .isPositive();
    }

    @Test
    void atOrAboveLiquidationLtvOverPointNinetyFiveEverythingIsSold() {
        // LTV = 0.8333 / 0.95 exactly: 0.95 × D = 0.8333 × C × P with C × P = 9500 → D = 8333.00.
        assertThat(partial("1", "8333.00", "9500")).isEqualTo(new Plan("FULL", d("1"), Reason.DEEP_LTV));
        // a cent less is a partial sale
        assertThat(partial("1", "8332.99", "9500").reason()).isNotEqualTo(Reason.DEEP_LTV);
    }

    @Test
    void aDebtBelowTwoThousandIsSoldWhole() {
        // LTV 84%: 1999.99 of debt against 2380.94 of collateral
        assertThat(partial("1", "1999.99", "2380.94")).isEqualTo(new Plan("FULL", d("1"), Reason.SMALL_DEBT));
        assertThat(partial("1", "2000.00", "2380.95").reason()).isNotEqualTo(Reason.SMALL_DEBT);
    }

    @Test
    void aDebtOrCollateralLeftBelowOneThousandIsDust() {
        // 2100 of debt against 2500 (LTV 84%): the sale leaves ~1000 of debt and ~500 of collateral: dust.
        assertThat(partial("1", "2100.00", "2500")).isEqualTo(new Plan("FULL", d("1"), Reason.DUST_LEFT));
        // ten times as large leaves far more than 1000 of each
        assertThat(partial("1", "21000.00", "25000").reason()).isEqualTo(Reason.BACK_TO_INITIAL_LTV);
    }

    @Test
    void aTargetTheFloorCannotReachSellsEverything() {
        // an initial LTV at or above the floor fraction: selling at the floor never lowers the LTV to it
        Plan plan = SalePlan.of("PARTIAL", d("10"), d("24200.00"), d("2900"), d("0.98"), d("0.99"), TOLERANCE, 8);
        assertThat(plan.reason()).isIn(Reason.TARGET_NEEDS_EVERYTHING, Reason.ALREADY_AT_TARGET);
        Plan unreachable = SalePlan.of("PARTIAL", d("10"), d("28000.00"), d("2900"), d("0.95"), d("0.99"),
                d("0.06"), 8);
        assertThat(unreachable).isEqualTo(new Plan("FULL", d("10"), Reason.TARGET_NEEDS_EVERYTHING));
    }

    @Test
    void aPartialWorthTheWholeDebtIsSoldWhole() {
        // thresholds where liquidation / 0.95 is above initial / (tolerance + initial) = 0.5 / 0.52 = 96.15%:
        // 1000 at 100 against 97000.00 (LTV 97%): q = (97000 − 50000) / (98 − 50) = 979.16666667, worth 97916.67
        // at the reference, more than the debt
        Plan plan = SalePlan.of("PARTIAL", d("1000"), d("97000.00"), d("100"), d("0.50"), d("0.99"), TOLERANCE, 8);
        assertThat(plan).isEqualTo(new Plan("FULL", d("1000"), Reason.TARGET_NEEDS_EVERYTHING));
        // at LTV 96% it is worth 95833.33 < 96000: partial
        assertThat(SalePlan.of("PARTIAL", d("1000"), d("96000.00"), d("100"), d("0.50"), d("0.99"), TOLERANCE, 8)
                .policy()).isEqualTo("PARTIAL");
    }

    @Test
    void aSnapshotAlreadyAtItsInitialLtvHasNothingToSell() {
        assertThat(partial("10", "18850.00", "2900")).isEqualTo(new Plan("PARTIAL", BigDecimal.ZERO,
                Reason.ALREADY_AT_TARGET));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> partial("0", "100.00", "10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> partial("1", "100.00", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> partial("1", "-1.00", "10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void aPartialSaleIsJustEnoughAndLeavesNoDust(
            @ForAll @BigRange(min = "0.00000001", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "0.6500", max = "0.9000") @Scale(4) BigDecimal ltv) {
        BigDecimal value = collateral.multiply(price);
        BigDecimal debt = value.multiply(ltv).setScale(2, java.math.RoundingMode.DOWN);
        if (debt.signum() == 0) {
            return;
        }
        Plan plan = partial(collateral.toPlainString(), debt.toPlainString(), price.toPlainString());
        BigDecimal q = plan.quantity();
        assertThat(q.scale()).isLessThanOrEqualTo(8);
        assertThat(q).isLessThanOrEqualTo(collateral);
        if (plan.reason() == Reason.ALREADY_AT_TARGET) {
            assertThat(debt).isLessThanOrEqualTo(INITIAL.multiply(value));
            return;
        }
        assertThat(q.signum()).isPositive();
        if (!plan.partial()) {
            assertThat(q).isEqualByComparingTo(collateral);
            return;
        }
        // the dust rules held
        assertThat(q).isLessThan(collateral);
        assertThat(debt).isGreaterThanOrEqualTo(SalePlan.MIN_DEBT_FOR_PARTIAL);
        assertThat(SalePlan.DEEP_FACTOR.multiply(debt)).isLessThan(LIQUIDATION.multiply(value));
        BigDecimal floor = price.multiply(BigDecimal.ONE.subtract(TOLERANCE));
        assertThat(debt.subtract(q.multiply(floor))).isGreaterThanOrEqualTo(SalePlan.MIN_LEFTOVER);
        assertThat(collateral.subtract(q).multiply(price)).isGreaterThanOrEqualTo(SalePlan.MIN_LEFTOVER);
        // never worth the whole debt, even at the reference: a partial sale leaves no surplus and takes no fee
        assertThat(q.multiply(price)).isLessThan(debt);
        // back to the initial LTV even if every unit is credited only at the floor, and not a unit more
        assertThat(ltvAfterComparedToInitial(collateral, debt, price, q)).isLessThanOrEqualTo(0);
        assertThat(ltvAfterComparedToInitial(collateral, debt, price, q.subtract(UNIT))).isPositive();
    }

    @Property(tries = 500)
    void fullPolicyAlwaysSellsEverything(
            @ForAll @BigRange(min = "0.00000001", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal price) {
        Plan plan = SalePlan.of("FULL", collateral, debt, price, INITIAL, LIQUIDATION, TOLERANCE, 8);
        assertThat(plan.quantity()).isEqualTo(collateral);
        assertThat(plan.partial()).isFalse();
    }
}
