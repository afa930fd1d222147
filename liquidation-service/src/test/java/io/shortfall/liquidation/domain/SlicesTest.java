package io.shortfall.liquidation.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlicesTest {

    @Test
    void equalSlicesWithTheRemainderOnTheLast() {
        assertThat(Slices.of(new BigDecimal("2"), 4, 8)).extracting(BigDecimal::toPlainString)
                .containsExactly("0.50000000", "0.50000000", "0.50000000", "0.50000000");
        assertThat(Slices.of(new BigDecimal("1.00000001"), 4, 8)).extracting(BigDecimal::toPlainString)
                .containsExactly("0.25000000", "0.25000000", "0.25000000", "0.25000001");
        assertThat(Slices.of(new BigDecimal("0.00000007"), 4, 8)).extracting(BigDecimal::toPlainString)
                .containsExactly("0.00000001", "0.00000001", "0.00000001", "0.00000004");
    }

    @Test
    void fewerSlicesThanSmallestUnitsNeverMakesAnEmptySlice() {
        assertThat(Slices.of(new BigDecimal("0.00000003"), 4, 8)).extracting(BigDecimal::toPlainString)
                .containsExactly("0.00000001", "0.00000001", "0.00000001");
        assertThat(Slices.of(new BigDecimal("5"), 1, 8)).extracting(BigDecimal::toPlainString)
                .containsExactly("5.00000000");
    }

    @Test
    void nothingToSellOrTooManyDecimalsIsRefused() {
        assertThatThrownBy(() -> Slices.of(BigDecimal.ZERO, 4, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slices.of(BigDecimal.ONE, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slices.of(new BigDecimal("0.000000001"), 4, 8))
                .isInstanceOf(ArithmeticException.class);
    }

    @Property
    void slicesSumExactlyToTheWholeAndNoneIsEmpty(
            @ForAll @BigRange(min = "0.00000001", max = "100000") @Scale(8) BigDecimal total,
            @ForAll @IntRange(min = 1, max = 20) int count) {
        List<BigDecimal> slices = Slices.of(total, count, 8);

        assertThat(slices.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
        assertThat(slices).allSatisfy(s -> {
            assertThat(s.signum()).isPositive();
            assertThat(s.scale()).isEqualTo(8);
        });
        long units = total.movePointRight(8).longValueExact();
        assertThat(slices).hasSize((int) Math.min(count, units));
        BigDecimal first = slices.get(0);
        assertThat(slices.subList(0, slices.size() - 1)).allSatisfy(s -> assertThat(s).isEqualTo(first));
        assertThat(slices.get(slices.size() - 1)).isGreaterThanOrEqualTo(first);
    }
}
