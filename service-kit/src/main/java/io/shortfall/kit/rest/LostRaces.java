package io.shortfall.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.function.Predicate;

/**
 * A change that lost a race: a simultaneous change of the same rows committed first, so this one's optimistic lock
 * failed (or a unique constraint that admits one of a kind refused it) and it was rolled back whole. The caller gets
 * a 409 {@code concurrent-change} and may repeat the request; with the same Idempotency-Key, since nothing of it
 * was kept.
 */
public final class LostRaces {

    public static final String TYPE = "concurrent-change";

    /**
     * Whether {@code failure}, or one of its causes, is a lost optimistic lock, or a violation of a constraint whose
     * name {@code guarding} accepts (one that stands for a race, such as one live plan per case).
     */
    public static boolean lost(Throwable failure, Predicate<String> guarding) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null && guarding.test(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** The 409 of a lost race, thrown where a request is answered; {@code detail} says what raced. */
    public static HttpProblem problem(String detail) {
        return Problems.conflict(TYPE, detail);
    }

    /** The same 409 as the answer of an exception mapper. */
    public static Response response(String detail) {
        return ProblemMappers.problem(409, TYPE, "Conflict", detail);
    }

    private LostRaces() {
    }
}
