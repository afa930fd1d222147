package io.shortfall.loan.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class LoanMathTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal SATOSHI = new BigDecimal("0.00000001");

    @Test
    void ltvIsDebtOverCollateralValueShownWithFourDecimals() {
        assertThat(LoanMath.ltv(new BigDecimal("30000.00"), new BigDecimal("1.00000000"), new BigDecimal("60000")))
                .isEqualByComparingTo("0.5000").hasToString("0.5000");
        assertThat(LoanMath.ltv(new BigDecimal("100.00"), new BigDecimal("3"), new BigDecimal("1")))
                .hasToString("33.3333");
    }

    @Test
    void thresholdsAreComparedExactlyNotThroughTheRoundedRatio() {
        // 83.33% of 1 BTC at 36000 is 29998.80: one cent below is under the threshold, at it is not.
        var collateral = new BigDecimal("1");
        var price = new BigDecimal("36000");
        var liquidation = new BigDecimal("0.8333");
        assertThat(LoanMath.atOrAbove(new BigDecimal("29998.80"), collateral, price, liquidation)).isTrue();
        assertThat(LoanMath.atOrAbove(new BigDecimal("29998.79"), collateral, price, liquidation)).isFalse();
    }

    @Test
    void liquidationPriceOfTheDashboard() {
        assertThat(LoanMath.priceAt(new BigDecimal("30000.00"), new BigDecimal("1.00000000"), new BigDecimal("0.8333")))
                .hasToString("36001.44005760");
    }

    @Test
    void whatFixesAMarginCall() {
        var debt = new BigDecimal("30000.00");
        var collateral = new BigDecimal("1.00000000");
        var price = new BigDecimal("37000");
        var initial = new BigDecimal("0.65");
        // 30000 / (0.65 × 37000) = 1.247401247... BTC in all: add 0.24740125 (rounded up).
        assertThat(LoanMath.collateralToReach(debt, collateral, price, initial, 8)).hasToString("0.24740125");
        // 30000 − 0.65 × 37000 = 5950.00
        assertThat(LoanMath.repaymentToReach(debt, collateral, price, initial)).hasToString("5950.00");
        assertThat(LoanMath.collateralToReach(debt, collateral, new BigDecimal("60000"), initial, 8)).hasToString("0E-8");
        assertThat(LoanMath.repaymentToReach(debt, collateral, new BigDecimal("60000"), initial)).hasToString("0.00");
    }

    @Property
    void theMostThatMayBeBorrowedIsWithinTheLtvAndACentMoreIsNot(
            @ForAll @BigRange(min = "0.00000001", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0.01", max = "200000") @Scale(8) BigDecimal price,
            @ForAll @BigRange(min = "0.10", max = "0.95") @Scale(4) BigDecimal ltv) {
        BigDecimal max = LoanMath.maxDebt(collateral, price, ltv);
        assertThat(max.compareTo(ltv.multiply(collateral).multiply(price))).isLessThanOrEqualTo(0);
        assertThat(LoanMath.atOrAbove(max.add(CENT), collateral, price, ltv)).isTrue();
    }

    @Property
    void addingTheStatedCollateralRestoresTheTargetAndNoLessWould(
            @ForAll @BigRange(min = "100", max = "1000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.00000001", max = "100") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "1", max = "200000") @Scale(8) BigDecimal price) {
        BigDecimal target = new BigDecimal("0.65");
        BigDecimal add = LoanMath.collateralToReach(debt, collateral, price, target, 8);
        BigDecimal after = collateral.add(add);
        assertThat(debt.compareTo(target.multiply(after).multiply(price))).isLessThanOrEqualTo(0);
        if (add.signum() > 0) {
            BigDecimal less = after.subtract(SATOSHI);
            assertThat(debt.compareTo(target.multiply(less).multiply(price))).isGreaterThan(0);
        }
    }

    @Property
    void repayingTheStatedAmountRestoresTheTargetAndACentLessWouldNot(
            @ForAll @BigRange(min = "100", max = "1000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.00000001", max = "100") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "1", max = "200000") @Scale(8) BigDecimal price) {
        BigDecimal target = new BigDecimal("0.65");
        BigDecimal repay = LoanMath.repaymentToReach(debt, collateral, price, target);
        assertThat(repay.compareTo(debt)).isLessThanOrEqualTo(0);
        assertThat(debt.subtract(repay).compareTo(target.multiply(collateral).multiply(price))).isLessThanOrEqualTo(0);
        if (repay.signum() > 0) {
            assertThat(debt.subtract(repay).add(CENT).compareTo(target.multiply(collateral).multiply(price)))
                    .isGreaterThan(0);
        }
    }

    @Property
    void atTheShownLiquidationPriceTheLoanIsLiquidatedAndOneStepAboveItIsNot(
            @ForAll @BigRange(min = "100", max = "1000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.001", max = "100") @Scale(8) BigDecimal collateral) {
        BigDecimal threshold = new BigDecimal("0.8333");
        BigDecimal price = LoanMath.priceAt(debt, collateral, threshold);
        assertThat(LoanMath.atOrAbove(debt, collateral, price, threshold)).isTrue();
        assertThat(LoanMath.atOrAbove(debt, collateral, price.add(new BigDecimal("0.00000001")), threshold)).isFalse();
    }
}
