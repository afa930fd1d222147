package io.shortfall.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallmentsTest {

    /** Equal installments rounded down to the cent, the remainder on the last one (docs/DOMAIN.md). */
    private static List<BigDecimal> split(BigDecimal total, int n) {
        BigDecimal regular = total.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<BigDecimal> amounts = new ArrayList<>(Collections.nCopies(n - 1, regular));
        amounts.add(total.subtract(regular.multiply(BigDecimal.valueOf(n - 1))));
        return amounts;
    }

    @Test
    void saysAScheduleInOneLine() {
        BigDecimal total = new BigDecimal("1000.00");
        assertThat(Installments.of(split(total, 3), total).describe("USDT"))
                .isEqualTo("3 monthly payments of 333.33 USDT (the last 333.34)");
        assertThat(Installments.of(split(new BigDecimal("900.00"), 3), new BigDecimal("900.00")).describe("USDT"))
                .isEqualTo("3 monthly payments of 300.00 USDT");
        assertThat(Installments.of(List.of(total), total).describe("USDT")).isEqualTo("one payment of 1000.00 USDT");
        assertThat(Installments.of(List.of(new BigDecimal("100.00"), new BigDecimal("500.00"),
                new BigDecimal("400.00")), total).describe("USDT"))
                .isEqualTo("3 monthly payments totalling 1000.00 USDT");
    }

    @Test
    void refusesAScheduleThatDoesNotSumToItsTotal() {
        assertThatThrownBy(() -> Installments.of(List.of(new BigDecimal("333.33"), new BigDecimal("333.33"),
                new BigDecimal("333.33")), new BigDecimal("1000.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999.99");
        assertThatThrownBy(() -> Installments.of(List.of(), BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the line says recomposes the total exactly: (count − 1) × regular + last. */
    @Property
    void theOneLineSummaryLosesNoCent(@ForAll @BigRange(min = "0.01", max = "1000000") @Scale(2) BigDecimal total,
                                      @ForAll @IntRange(min = 1, max = 24) int n) {
        Installments installments = Installments.of(split(total, n), total);

        assertThat(installments.uniform()).isTrue();
        assertThat(installments.regular().multiply(BigDecimal.valueOf(n - 1)).add(installments.last()))
                .isEqualByComparingTo(total);
        assertThat(installments.last()).isGreaterThanOrEqualTo(installments.regular());
    }
}
