package io.shortfall.margin.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.shortfall.margin.domain.ZoneRuleTest.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

class MarginCallTermsTest {

    private static final BigDecimal SATOSHI = new BigDecimal("0.00000001");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Test
    void whatFixesAMarginCallAndWhereLiquidationStarts() {
        // 30000 USDT against 1 BTC at 37000: LTV 0.8108.
        var terms = MarginCallTerms.of(new BigDecimal("30000.00"), new BigDecimal("1.00000000"),
                new BigDecimal("37000"), DEFAULTS, 8);
        // 30000 / (0.65 × 37000) = 1.2474012474... BTC in all: add 0.24740125, rounded up.
        assertThat(terms.addCollateral()).hasToString("0.24740125");
        // 30000 − 0.65 × 37000 = 5950.00
        assertThat(terms.orRepay()).hasToString("5950.00");
        // 30000 / (1 × 0.8333) = 36001.440057602..., rounded down.
        assertThat(terms.liquidationPrice()).hasToString("36001.44005760");
    }

    @Test
    void anAssetWithFewerDecimalsIsRoundedUpToItsOwnScale() {
        var terms = MarginCallTerms.of(new BigDecimal("30000.00"), new BigDecimal("1"), new BigDecimal("37000"),
                DEFAULTS, 2);
        assertThat(terms.addCollateral()).hasToString("0.25");
    }

    @Property
    void addingTheStatedCollateralRestoresTheInitialLtvAndASatoshiLessWouldNot(
            @ForAll @BigRange(min = "100", max = "10000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.00000001", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0.01", max = "200000") @Scale(8) BigDecimal price) {
        var terms = MarginCallTerms.of(debt, collateral, price, DEFAULTS, 8);
        BigDecimal after = collateral.add(terms.addCollateral());
        assertThat(LtvMath.atOrBelow(debt, after, price, DEFAULTS.initial())).isTrue();
        if (terms.addCollateral().signum() > 0) {
            assertThat(LtvMath.atOrBelow(debt, after.subtract(SATOSHI), price, DEFAULTS.initial())).isFalse();
        }
    }

    @Property
    void repayingTheStatedAmountRestoresTheInitialLtvAndACentLessWouldNot(
            @ForAll @BigRange(min = "100", max = "10000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.00000001", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "0.01", max = "200000") @Scale(8) BigDecimal price) {
        var terms = MarginCallTerms.of(debt, collateral, price, DEFAULTS, 8);
        assertThat(terms.orRepay().scale()).isEqualTo(2);
        assertThat(terms.orRepay()).isLessThanOrEqualTo(debt);
        assertThat(LtvMath.atOrBelow(debt.subtract(terms.orRepay()), collateral, price, DEFAULTS.initial())).isTrue();
        if (terms.orRepay().signum() > 0) {
            assertThat(LtvMath.atOrBelow(debt.subtract(terms.orRepay()).add(CENT), collateral, price,
                    DEFAULTS.initial())).isFalse();
        }
    }

    @Property
    void atTheLiquidationPriceTheLoanIsLiquidatedAndOneUnitAboveItIsNot(
            @ForAll @BigRange(min = "100", max = "10000000") @Scale(2) BigDecimal debt,
            @ForAll @BigRange(min = "0.001", max = "1000") @Scale(8) BigDecimal collateral) {
        BigDecimal price = MarginCallTerms.of(debt, collateral, BigDecimal.ONE, DEFAULTS, 8).liquidationPrice();
        assertThat(LtvMath.atOrAbove(debt, collateral, price, DEFAULTS.liquidation())).isTrue();
        assertThat(LtvMath.atOrAbove(debt, collateral, price.add(SATOSHI), DEFAULTS.liquidation())).isFalse();
    }
}
