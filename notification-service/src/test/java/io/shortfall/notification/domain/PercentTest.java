package io.shortfall.notification.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PercentTest {

    @Test
    void aFractionIsShownAsAPercentageWithTwoDecimals() {
        assertThat(Percent.of(new BigDecimal("0.8125"))).isEqualTo("81.25");
        assertThat(Percent.of(new BigDecimal("0.83333333"))).isEqualTo("83.33");
        assertThat(Percent.of(new BigDecimal("0.750050"))).isEqualTo("75.01");
        assertThat(Percent.of(new BigDecimal("1"))).isEqualTo("100.00");
    }
}
