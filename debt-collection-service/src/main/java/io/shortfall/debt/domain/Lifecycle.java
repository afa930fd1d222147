package io.shortfall.debt.domain;

import java.util.Set;

/**
 * A status and the moves that exist from it; every other move is refused. Each status of the debt domain is one
 * (a case's has its own rules, {@link CaseLifecycle}, for its holds and escalation).
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The statuses one in this status may move to (none: it is final). */
    Set<S> next();

    /** Whether the move from this status to {@code to} exists. */
    default boolean canBecome(S to) {
        return next().contains(to);
    }
}
