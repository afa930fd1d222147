package io.shortfall.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Gives every problem a stable {@code type} clients can switch on: a problem raised without one (a 403 of the
 * security layer, a 405 or 415 of the router, a 400 of Bean Validation, an unexpected 500) gets the type of its
 * status ({@link #slug(int)}); a problem that has one keeps it.
 */
@ApplicationScoped
public class ProblemTypes implements ProblemPostProcessor {

    private static final URI BLANK = URI.create("about:blank");

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null && !BLANK.equals(problem.getType())) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(Problems.type(slug(problem.getStatusCode()))).build();
    }

    /** The problem type of a status that carries no more specific one. */
    public static String slug(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 422 -> "refused";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "client-error";
        };
    }
}
