package io.shortfall.debt.domain;

import java.util.EnumSet;
import java.util.Set;

/** A promise to pay is {@code OPEN} until its date, then {@code KEPT}, {@code PARTIAL} or {@code BROKEN} (final). */
public enum PromiseStatus implements Lifecycle<PromiseStatus> {
    OPEN, KEPT, PARTIAL, BROKEN;

    @Override
    public Set<PromiseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(KEPT, PARTIAL, BROKEN);
            case KEPT, PARTIAL, BROKEN -> EnumSet.noneOf(PromiseStatus.class);
        };
    }
}
