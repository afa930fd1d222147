package io.shortfall.loan.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.shortfall.kit.rest.Problems;

/**
 * A change that lost a race: another change of the same loan (or reserve, or balance) committed first, so this one's
 * optimistic lock failed and it was rolled back whole. The caller gets a 409 and may repeat the request
 * (with the same Idempotency-Key: nothing of it was kept).
 */
final class LostRace {

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null && (violation.getConstraintName().startsWith("reserve")
                    || violation.getConstraintName().startsWith("balance")
                    || violation.getConstraintName().startsWith("borrower_contact"))) {
                return true;
            }
        }
        return false;
    }

    static HttpProblem problem(Throwable failure) {
        return Problems.conflict("concurrent-change", "another change of the same loan, reserve or balance was made at the "
                + "same moment and took effect first; nothing of this request was applied: look at the current "
                + "state and repeat it if it still makes sense");
    }

    private LostRace() {
    }
}
