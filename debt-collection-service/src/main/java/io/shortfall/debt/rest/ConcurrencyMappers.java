package io.shortfall.debt.rest;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two requests that change one case at once: the loser's transaction fails on the case's version (or on the
 * one-live-plan index) and rolls back whole; it gets a 409 {@code concurrent-change} to repeat, never a 500.
 * An idempotent request stored nothing under its key, so repeating it with the same key runs it again.
 */
public class ConcurrencyMappers {

    @ServerExceptionMapper({org.hibernate.StaleStateException.class, jakarta.persistence.OptimisticLockException.class})
    public Response staleCase(RuntimeException e) {
        return conflict();
    }

    @ServerExceptionMapper(ConstraintViolationException.class)
    public Response secondLivePlan(ConstraintViolationException e) {
        if ("plan_live_per_case".equals(e.getConstraintName())) {
            return conflict();
        }
        throw e;
    }

    private static Response conflict() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:shortfall:problem:concurrent-change");
        problem.put("title", "Conflict");
        problem.put("status", 409);
        problem.put("detail", "the case changed while this request ran; nothing was done: repeat it");
        return Response.status(409).type("application/problem+json").entity(problem).build();
    }
}
