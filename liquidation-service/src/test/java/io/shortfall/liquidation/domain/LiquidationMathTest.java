package io.shortfall.liquidation.domain;

import io.shortfall.liquidation.domain.LiquidationMath.Outcome;
import io.shortfall.liquidation.domain.LiquidationMath.Sold;
import io.shortfall.liquidation.domain.LiquidationMath.Terms;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiquidationMathTest {

    private static final Terms DEFAULT = new Terms(new BigDecimal("0.05"), new BigDecimal("0.02"));
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Sold sold(String quantity, String price) {
        return new Sold(d(quantity), d(price));
    }

    @Test
    void aSaleBelowTheDebtLeavesAShortfallAndNoFee() {
        Outcome o = LiquidationMath.settle(List.of(sold("0.5", "2298.85"), sold("0.5", "2298.85"),
                sold("0.5", "2298.85"), sold("0.5", "2298.85")), d("2300"), d("4700.00"), d("12.34"), DEFAULT);
        assertThat(o.collateralSold()).isEqualByComparingTo("2");
        assertThat(o.proceeds()).hasToString("4597.70");
        assertThat(o.floorCredit()).hasToString("0.00");
        assertThat(o.gross()).hasToString("4597.70");
        assertThat(o.debt()).hasToString("4712.34");
        assertThat(o.debtCovered()).hasToString("4597.70");
        assertThat(o.fee()).hasToString("0.00");
        assertThat(o.surplus()).hasToString("0.00");
        assertThat(o.shortfall()).hasToString("114.64");
    }

    @Test
    void aSaleAboveTheDebtPaysTheFeeThenTheSurplusToTheBorrower() {
        Outcome o = LiquidationMath.settle(List.of(sold("1", "60000")), d("60000"), d("30000"), d("0"), DEFAULT);
        assertThat(o.gross()).hasToString("60000.00");
        assertThat(o.debtCovered()).hasToString("30000.00");
        assertThat(o.fee()).hasToString("3000.00");
        assertThat(o.surplus()).hasToString("27000.00");
        assertThat(o.shortfall()).hasToString("0.00");
    }

    @Test
    void theFeeIsTakenOnlyOutOfWhatExceedsTheDebt() {
        // 5% of 10000 is 500, but only 200 is left once the debt is covered.
        Outcome o = LiquidationMath.settle(List.of(sold("100", "100")), d("100"), d("9800.00"), d("0.00"), DEFAULT);
        assertThat(o.fee()).hasToString("200.00");
        assertThat(o.surplus()).hasToString("0.00");
        assertThat(o.shortfall()).hasToString("0.00");
        // Exactly the debt: no fee at all.
        Outcome exact = LiquidationMath.settle(List.of(sold("100", "100")), d("100"), d("9990.00"), d("10.00"),
                DEFAULT);
        assertThat(exact.fee()).hasToString("0.00");
        assertThat(exact.surplus()).hasToString("0.00");
        assertThat(exact.shortfall()).hasToString("0.00");
    }

    @Test
    void theSurplusIsRoundedDownAndTheFeeTakesTheFractionOfACent() {
        // gross 1234.57; 5% is 61.7285; surplus 1234.57 - 1000 - 61.7285 = 172.8415 -> 172.84; fee 61.73.
        Outcome o = LiquidationMath.settle(List.of(sold("1", "1234.57")), d("1234.57"), d("1000"), d("0"), DEFAULT);
        assertThat(o.surplus()).hasToString("172.84");
        assertThat(o.fee()).hasToString("61.73");
    }

    @Test
    void grossIsRoundedDownToTheCent() {
        Outcome o = LiquidationMath.settle(List.of(sold("0.33333333", "100.00000001")), d("100"), d("1000"),
                d("0"), DEFAULT);
        // 0.33333333 x 100.00000001 = 33.3333330033333333
        assertThat(o.proceeds()).hasToString("33.33");
        assertThat(o.gross()).hasToString("33.33");
        assertThat(o.shortfall()).hasToString("966.67");
    }

    @Test
    void aFillMoreThanTwoPercentBelowTheReferenceIsCreditedAtTheFloor() {
        // floor = 0.98 x 100 = 98: 10 at 95 fetched 950, credited 980.
        Outcome o = LiquidationMath.settle(List.of(sold("10", "95"), sold("10", "98"), sold("10", "99.5")),
                d("100"), d("5000"), d("0"), DEFAULT);
        assertThat(o.proceeds()).hasToString("2925.00");
        assertThat(o.floorCredit()).hasToString("30.00");
        assertThat(o.gross()).hasToString("2955.00");
        assertThat(LiquidationMath.floorPrice(d("100"), DEFAULT)).isEqualByComparingTo("98");
        assertThat(LiquidationMath.creditedPrice(d("95"), d("100"), DEFAULT)).isEqualByComparingTo("98");
        assertThat(LiquidationMath.creditedPrice(d("98"), d("100"), DEFAULT)).isEqualByComparingTo("98");
        assertThat(LiquidationMath.creditedPrice(d("99.5"), d("100"), DEFAULT)).isEqualByComparingTo("99.5");
    }

    @Test
    void slippageIsTheFractionBelowTheReference() {
        assertThat(LiquidationMath.slippage(d("2298.85"), d("2300"))).hasToString("0.000500");
        assertThat(LiquidationMath.slippage(d("95"), d("100"))).hasToString("0.050000");
        assertThat(LiquidationMath.slippage(d("101"), d("100"))).hasToString("-0.010000");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Terms(d("1"), d("0.02"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Terms(d("0.05"), d("-0.01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiquidationMath.settle(List.of(sold("0", "1")), d("1"), d("1"), d("0"), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiquidationMath.settle(List.of(sold("1", "1")), d("0"), d("1"), d("0"), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiquidationMath.settle(List.of(sold("1", "1")), d("1"), d("1.001"), d("0"),
                DEFAULT)).isInstanceOf(ArithmeticException.class);
    }

    @Provide
    Arbitrary<List<Sold>> fills() {
        var quantity = Arbitraries.bigDecimals().between(d("0.00000001"), d("500")).ofScale(8);
        var price = Arbitraries.bigDecimals().between(d("0.01"), d("120000")).ofScale(8);
        return quantity.flatMap(q -> price.map(p -> new Sold(q, p))).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Terms> terms() {
        var rate = Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("0.20")).ofScale(4);
        var tolerance = Arbitraries.bigDecimals().between(BigDecimal.ZERO, d("0.10")).ofScale(4);
        return rate.flatMap(r -> tolerance.map(t -> new Terms(r, t)));
    }

    @Property
    void noCentIsCreatedOrLost(@ForAll("fills") List<Sold> fills,
                               @ForAll @BigRange(min = "0.01", max = "120000") @Scale(8) BigDecimal reference,
                               @ForAll @BigRange(min = "0", max = "5000000") @Scale(2) BigDecimal principal,
                               @ForAll @BigRange(min = "0", max = "50000") @Scale(2) BigDecimal interest,
                               @ForAll("terms") Terms terms) {
        Outcome o = LiquidationMath.settle(fills, reference, principal, interest, terms);

        assertThat(o.debtCovered().add(o.fee()).add(o.surplus())).isEqualTo(o.gross());
        assertThat(o.debtCovered().add(o.shortfall())).isEqualTo(o.debt());
        assertThat(o.proceeds().add(o.floorCredit())).isEqualTo(o.gross());
        assertThat(o.debt()).isEqualByComparingTo(principal.add(interest));
        assertThat(List.of(o.proceeds(), o.floorCredit(), o.gross(), o.fee(), o.debt(), o.debtCovered(),
                o.surplus(), o.shortfall())).allSatisfy(amount -> {
                    assertThat(amount.scale()).isEqualTo(2);
                    assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
                });
        assertThat(o.collateralSold()).isEqualByComparingTo(fills.stream().map(Sold::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Property
    void theFeeNeverCreatesOrDeepensAShortfall(@ForAll("fills") List<Sold> fills,
                                               @ForAll @BigRange(min = "0.01", max = "120000") @Scale(8)
                                               BigDecimal reference,
                                               @ForAll @BigRange(min = "0", max = "5000000") @Scale(2)
                                               BigDecimal principal,
                                               @ForAll("terms") Terms terms) {
        Outcome o = LiquidationMath.settle(fills, reference, principal, BigDecimal.ZERO, terms);
        Outcome withoutFee = LiquidationMath.settle(fills, reference, principal, BigDecimal.ZERO,
                new Terms(BigDecimal.ZERO, terms.bestExecutionTolerance()));

        assertThat(o.shortfall()).isEqualTo(withoutFee.shortfall());
        assertThat(o.debtCovered()).isEqualTo(withoutFee.debtCovered());
        if (o.shortfall().signum() > 0) {
            assertThat(o.fee().signum()).isZero();
            assertThat(o.surplus().signum()).isZero();
        }
        // The fee is the rate of gross, to the cent up, unless what exceeds the debt is less.
        BigDecimal rateOfGross = terms.feeRate().multiply(o.gross());
        BigDecimal excess = o.gross().subtract(o.debtCovered());
        assertThat(o.fee()).isEqualTo(rateOfGross.setScale(2, RoundingMode.UP).min(excess));
    }

    @Property
    void everyFillIsCreditedAtLeastAtTheFloorAndGrossIsTheCreditedValueRoundedDown(
            @ForAll("fills") List<Sold> fills,
            @ForAll @BigRange(min = "0.01", max = "120000") @Scale(8) BigDecimal reference,
            @ForAll("terms") Terms terms) {
        BigDecimal floor = LiquidationMath.floorPrice(reference, terms);
        BigDecimal fetched = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        for (Sold fill : fills) {
            BigDecimal price = LiquidationMath.creditedPrice(fill.price(), reference, terms);
            assertThat(price).isGreaterThanOrEqualTo(floor).isGreaterThanOrEqualTo(fill.price());
            fetched = fetched.add(fill.quantity().multiply(fill.price()));
            credited = credited.add(fill.quantity().multiply(price));
        }
        Outcome o = LiquidationMath.settle(fills, reference, BigDecimal.ZERO, BigDecimal.ZERO, terms);

        assertThat(o.gross()).isLessThanOrEqualTo(credited);
        assertThat(credited.subtract(o.gross())).isLessThan(CENT);
        assertThat(o.proceeds()).isLessThanOrEqualTo(fetched);
        assertThat(fetched.subtract(o.proceeds())).isLessThan(CENT);
        assertThat(o.floorCredit().signum() > 0).isEqualTo(o.gross().compareTo(o.proceeds()) > 0);
    }

    @Property
    void aPartialSaleCreatesOrLosesNoCentAndLeavesTheUncoveredDebtOnTheLoan(
            @ForAll("fills") List<Sold> fills,
            @ForAll @BigRange(min = "0.01", max = "120000") @Scale(8) BigDecimal reference,
            @ForAll @BigRange(min = "0", max = "5000000") @Scale(2) BigDecimal principal,
            @ForAll @BigRange(min = "0", max = "50000") @Scale(2) BigDecimal interest,
            @ForAll("terms") Terms terms) {
        Outcome full = LiquidationMath.settle(fills, reference, principal, interest, terms);
        Outcome o = LiquidationMath.settlePartial(fills, reference, principal, interest, terms);

        assertThat(o.shortfall()).isEqualTo(new BigDecimal("0.00"));
        assertThat(o.debtCovered().add(o.fee()).add(o.surplus())).isEqualTo(o.gross());
        assertThat(o.proceeds().add(o.floorCredit())).isEqualTo(o.gross());
        assertThat(o.debtCovered()).isLessThanOrEqualTo(o.debt());
        // the same receipt as a full sale of the same fills, but what is not covered stays on the loan
        assertThat(o.debt().subtract(o.debtCovered())).isEqualTo(full.shortfall());
        assertThat(List.of(o.gross(), o.fee(), o.debtCovered(), o.surplus())).isEqualTo(
                List.of(full.gross(), full.fee(), full.debtCovered(), full.surplus()));
        if (o.debtCovered().compareTo(o.debt()) < 0) {
            assertThat(o.fee().signum()).isZero();
        }
    }

    /** One rule for every ratio shown (LTV, slippage, discount): half up at its scale. 12.5 / 1,000,000 = 0.0000125. */
    @Test
    void slippageIsRoundedHalfUpLikeEveryDisplayedRatio() {
        assertThat(LiquidationMath.slippage(new BigDecimal("999987.5"), new BigDecimal("1000000")))
                .isEqualByComparingTo("0.000013");
    }
}
