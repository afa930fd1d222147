package io.shortfall.events;

import java.math.BigDecimal;

/** LTV thresholds of a loan, as fractions ({@code 0.65}), fixed when the loan opens. */
public record Thresholds(BigDecimal initial, BigDecimal warning, BigDecimal marginCall, BigDecimal liquidation) {
}
