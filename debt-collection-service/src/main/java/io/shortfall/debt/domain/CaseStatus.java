package io.shortfall.debt.domain;

/**
 * The statuses of a debt case (debt-collection-service README): {@code OPEN → NEGOTIATING → IN_PLAN →
 * SETTLED}; {@code IN_PLAN ↔ DELINQUENT}; {@code BROKEN}; {@code WRITTEN_OFF}; the holds {@code DISPUTED}
 * and {@code HARDSHIP}; {@code ESCALATED} while passed on to an external stage ({@link Escalation}). A case opens
 * {@code OPEN}.
 */
public enum CaseStatus {
    OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF, DISPUTED, HARDSHIP, ESCALATED
}
