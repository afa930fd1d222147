package io.shortfall.loan.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.shortfall.kit.rest.LostRaces;

/**
 * A change that lost a race: another change of the same loan (or reserve, or balance) committed first, so this one's
 * optimistic lock (or the constraint on a reserve, a balance or a contact made twice at once) failed and it was
 * rolled back whole ({@link LostRaces}). The caller gets a 409 and may repeat the request.
 */
final class LostRace {

    static boolean is(Throwable failure) {
        return LostRaces.lost(failure, constraint -> constraint.startsWith("reserve")
                || constraint.startsWith("balance") || constraint.startsWith("borrower_contact"));
    }

    static HttpProblem problem(Throwable failure) {
        return LostRaces.problem("another change of the same loan, reserve or balance was made at the same moment and "
                + "took effect first; nothing of this request was applied: look at the current state and repeat it "
                + "if it still makes sense");
    }

    private LostRace() {
    }
}
