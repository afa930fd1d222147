package io.shortfall.debt;

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
            throw Problems.conflict("illegal-move", what + " " + id + " cannot do that: it is " + from
                    + (from.next().isEmpty() ? ", which is final" : ", which does not become " + to));
        }
        return to;
    }
}
