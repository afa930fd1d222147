package io.shortfall.liquidation.domain;

import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.venue.SimulatedOrderBook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole sale on paper, under any thresholds, tolerance and order book: the plan, its slices, the simulated
 * book's fills and the receipt. Fills sum exactly to what was sold; a PARTIAL sale leaves no shortfall, takes no
 * fee, pays no surplus and brings the LTV back to the initial one (to the cent of rounding); a FULL one sells it all.
 */
class SalePipelinePropertiesTest {

    private static LiquidationConfig.Book book(BigDecimal depth, BigDecimal impact) {
        return new LiquidationConfig.Book() {
            public BigDecimal depth() {
                return depth;
            }

            public BigDecimal impact() {
                return impact;
            }

            public BigDecimal floorFraction() {
                return new BigDecimal("0.50");
            }

            public double rejectRate() {
                return 0;
            }

            public double timeoutRate() {
                return 0;
            }

            public boolean walk() {
                return false;
            }

            public Duration recovery() {
                return Duration.ofSeconds(10);
            }
        };
    }

    @Property(tries = 3000)
    void aSaleIsExactUnderAnyTerms(
            @ForAll @BigRange(min = "10", max = "1000") @Scale(8) BigDecimal collateral,
            @ForAll @BigRange(min = "500", max = "100000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "-0.20", max = "1.20") @Scale(4) BigDecimal towardsDeep,
            @ForAll @BigRange(min = "0.30", max = "0.80") @Scale(2) BigDecimal initial,
            @ForAll @BigRange(min = "0.05", max = "0.20") @Scale(2) BigDecimal liquidationMargin,
            @ForAll @BigRange(min = "0", max = "0.10") @Scale(3) BigDecimal tolerance,
            @ForAll @BigRange(min = "0", max = "0.20") @Scale(3) BigDecimal feeRate,
            @ForAll @BigRange(min = "1", max = "10000") @Scale(0) BigDecimal depth,
            @ForAll @BigRange(min = "0", max = "0.50") @Scale(2) BigDecimal impact,
            @ForAll @IntRange(min = 1, max = 8) int slices,
            @ForAll boolean partialAsked) {
        // the LTV between the initial one (0) and liquidation / 0.95 (1), a little outside both
        BigDecimal liquidation = initial.add(liquidationMargin);
        BigDecimal deep = liquidation.divide(SalePlan.DEEP_FACTOR, 8, RoundingMode.HALF_EVEN);
        BigDecimal ltv = initial.add(towardsDeep.multiply(deep.subtract(initial)));
        BigDecimal debt = collateral.multiply(price).multiply(ltv).setScale(2, RoundingMode.DOWN);
        BigDecimal interest = debt.divide(BigDecimal.TEN, 2, RoundingMode.DOWN);
        BigDecimal principal = debt.subtract(interest);
        SalePlan.Plan plan = SalePlan.of(partialAsked ? "PARTIAL" : "FULL", collateral, debt, price, initial,
                liquidation, tolerance, 8);
        Statistics.collect(plan.reason());
        if (plan.reason() == SalePlan.Reason.ALREADY_AT_TARGET) {
            assertThat(partialAsked).isTrue();
            assertThat(debt).isLessThanOrEqualTo(initial.multiply(collateral).multiply(price));
            return;
        }
        List<BigDecimal> quantities = Slices.of(plan.quantity(), slices, 8);
        assertThat(quantities.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(
                plan.quantity());
        var book = book(depth, impact);
        List<LiquidationMath.Sold> fills = quantities.stream()
                .map(q -> new LiquidationMath.Sold(q, SimulatedOrderBook.fillPrice(book, q, price))).toList();
        var terms = new LiquidationMath.Terms(feeRate, tolerance);
        LiquidationMath.Outcome o = plan.partial()
                ? LiquidationMath.settlePartial(fills, price, principal, interest, terms)
                : LiquidationMath.settle(fills, price, principal, interest, terms);

        assertThat(o.collateralSold()).isEqualByComparingTo(plan.quantity());
        assertThat(o.proceeds().add(o.floorCredit())).isEqualTo(o.gross());
        assertThat(o.debtCovered().add(o.fee()).add(o.surplus())).isEqualTo(o.gross());
        if (plan.partial()) {
            assertThat(plan.quantity()).isLessThan(collateral);
            assertThat(o.shortfall().signum()).isZero();
            assertThat(o.fee().signum()).isZero();
            assertThat(o.surplus().signum()).isZero();
            assertThat(o.debtCovered()).isEqualTo(o.gross()).isLessThan(o.debt());
            // the LTV after the sale, with what the fills were actually credited, is at most the initial one
            BigDecimal debtLeft = o.debt().subtract(o.debtCovered());
            BigDecimal valueLeft = collateral.subtract(o.collateralSold()).multiply(price);
            assertThat(debtLeft).isLessThanOrEqualTo(initial.multiply(valueLeft).add(new BigDecimal("0.01")));
        } else {
            assertThat(o.collateralSold()).isEqualByComparingTo(collateral);
            assertThat(o.debtCovered().add(o.shortfall())).isEqualTo(o.debt());
        }
        // the generator reaches partial sales often enough for the property to mean something
        Statistics.coverage(checker -> checker.check(SalePlan.Reason.BACK_TO_INITIAL_LTV)
                .percentage(p -> p > 5));
    }
}
