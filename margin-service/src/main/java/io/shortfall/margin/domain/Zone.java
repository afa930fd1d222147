package io.shortfall.margin.domain;

/** GREEN below the warning LTV, ORANGE from it, RED from the margin-call LTV. Declared from safest to worst. */
public enum Zone {
    GREEN, ORANGE, RED;

    public boolean isWorseThan(Zone other) {
        return compareTo(other) > 0;
    }
}
