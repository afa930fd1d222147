package io.shortfall.debt;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.shortfall.debt.domain.Lifecycle;
import io.shortfall.kit.rest.Problems;

import java.util.UUID;

/** Moves an entity's status by its {@link Lifecycle}, or refuses with 409 {@code illegal-move}, as a case does. */
final class StatusMoves {

    private StatusMoves() {
    }

    /** {@code to}, when {@code what} {@code id} in {@code from} may become it. */
    static <S extends Enum<S> & Lifecycle<S>> S checked(String what, UUID id, S from, S to) {
        if (!from.canBecome(to)) {
            throw illegal(what, id, "it is " + from
                    + (from.next().isEmpty() ? ", which is final" : ", which does not become " + to));
        }
        return to;
    }

    /** The 409 {@code illegal-move} of {@code what} {@code id}, saying {@code why}. */
    static HttpProblem illegal(String what, UUID id, String why) {
        return Problems.conflict("illegal-move", what + " " + id + " cannot do that: " + why);
    }
}
