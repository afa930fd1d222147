package io.shortfall.debt.domain;

/** A promise to pay is {@code OPEN} until its date, then {@code KEPT}, {@code PARTIAL} or {@code BROKEN}. */
public enum PromiseStatus {
    OPEN, KEPT, PARTIAL, BROKEN
}
