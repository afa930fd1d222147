package io.shortfall.debt.domain;

/**
 * The statuses of a debt case (DOMAIN.md, "Debt collection"): {@code OPEN → NEGOTIATING → IN_PLAN →
 * SETTLED}; {@code IN_PLAN ↔ DELINQUENT}; {@code BROKEN}; {@code WRITTEN_OFF}; the holds {@code DISPUTED}
 * and {@code HARDSHIP}. A case opens {@code OPEN}.
 */
public enum CaseStatus {
    OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF, DISPUTED, HARDSHIP
}
