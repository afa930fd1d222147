package io.shortfall.debt.domain;

import java.util.EnumSet;
import java.util.Set;

/** A payment is {@code APPLIED} to the debt, until an agent reverses it ({@code REVERSED}, final). */
public enum PaymentStatus implements Lifecycle<PaymentStatus> {
    APPLIED, REVERSED;

    @Override
    public Set<PaymentStatus> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(REVERSED);
            case REVERSED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }
}
