package io.shortfall.notification.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios (LTV) travel as fractions ({@code "0.8125"}); people read them as percentages with 2 decimals. */
public final class Percent {

    /** {@code 0.81254} → {@code "81.25"}, rounded half up. */
    public static String of(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Percent() {
    }
}
