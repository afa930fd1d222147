package io.shortfall.events;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** LTV thresholds of a loan, as fractions ({@code 0.65}), fixed when the loan opens. */
public record Thresholds(@NotNull BigDecimal initial, @NotNull BigDecimal warning, @NotNull BigDecimal marginCall,
                         @NotNull BigDecimal liquidation) {

    /** docs/DOMAIN.md's defaults: 65% / 75% / 80% / 83.33%. */
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));
}
