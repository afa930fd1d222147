package io.shortfall.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The problems (RFC 9457) a Shortfall API answers with. Each has a stable {@code type}
 * ({@code urn:shortfall:problem:<slug>}) clients can switch on, and a {@code detail} for people.
 */
public final class Problems {

    public static URI type(String slug) {
        return URI.create("urn:shortfall:problem:" + slug);
    }

    public static HttpProblem problem(int status, String slug, String title, String detail) {
        return HttpProblem.builder().withStatus(status).withType(type(slug)).withTitle(title).withDetail(detail)
                .build();
    }

    /** 404: absent, or not the caller's to see (a borrower never learns another's ids exist). */
    public static HttpProblem notFound(String what, Object id) {
        return problem(404, "not-found", "Not found", "no " + what + " " + id);
    }

    /** 400 naming the offending body field, in the shape of resteasy-problem's validation problems. */
    public static HttpProblem invalid(String field, String message) {
        return invalid(field, "body", message);
    }

    /** 400 naming the offending field and where it was: {@code body}, {@code query}, {@code path} or {@code header}. */
    public static HttpProblem invalid(String field, String in, String message) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withType(type("validation"))
                .withTitle("Bad Request").withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", message)))
                .build();
    }

    /** 409: the request is fine but the resource's state refuses it now. */
    public static HttpProblem conflict(String slug, String detail) {
        return problem(409, slug, "Conflict", detail);
    }

    /** 422: well-formed, but against a business rule (LTV too high, price stale, ...). */
    public static HttpProblem refused(String slug, String detail) {
        return problem(422, slug, "Unprocessable Content", detail);
    }

    private Problems() {
    }
}
