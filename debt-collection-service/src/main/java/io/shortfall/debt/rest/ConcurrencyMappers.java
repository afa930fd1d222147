package io.shortfall.debt.rest;

import io.shortfall.kit.rest.LostRaces;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two requests that change one case at once: the loser's transaction fails on the case's version (or on the
 * one-live-plan index) and rolls back whole; it gets a 409 {@code concurrent-change} to repeat, never a 500
 * ({@link LostRaces}). An idempotent request stored nothing under its key, so repeating it with the same key runs it
 * again.
 */
public class ConcurrencyMappers {

    private static final String DETAIL = "the case changed while this request ran; nothing was done: repeat it";

    @ServerExceptionMapper({org.hibernate.StaleStateException.class, jakarta.persistence.OptimisticLockException.class})
    public Response staleCase(RuntimeException e) {
        return LostRaces.response(DETAIL);
    }

    @ServerExceptionMapper(ConstraintViolationException.class)
    public Response secondLivePlan(ConstraintViolationException e) {
        if (LostRaces.lost(e, "plan_live_per_case"::equals)) {
            return LostRaces.response(DETAIL);
        }
        throw e;
    }
}
