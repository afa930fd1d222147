package io.shortfall.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Problems for what resteasy-problem cannot map well on this Quarkus: a missing or bad token (its 401
 * mapper fails on Quarkus 3.34 with {@code NoSuchFieldError: headerName}) and a request body Jackson cannot
 * read (Quarkus REST's own mapper would answer plain JSON). They run ahead of both. Every other problem gets its
 * {@code type} from {@link ProblemTypes}.
 */
public class ProblemMappers {

    private static final int FIRST = Priorities.USER - 1000;
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("a valid bearer token is required");
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("the bearer token was refused: expired, not signed by the issuer, or malformed");
    }

    /** Listed one by one: a mapper for the exact type wins over ours for a supertype, whatever the priority. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class, StreamConstraintsException.class, InvalidNullException.class,
            UnrecognizedPropertyException.class}, priority = FIRST)
    public Response unreadableBody(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                : null;
        String message = readable(e);
        Map<String, Object> problem = base(400, "validation", "Bad Request",
                (field == null ? "" : field + ": ") + message);
        if (field != null) {
            problem.put("violations", List.of(Map.of("field", field, "in", "body", "message", message)));
        }
        return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
    }

    /**
     * What the client is told of a body value it cannot be read from, in the client's terms rather than Java's
     * (Jackson's own message says {@code Cannot coerce String value ("maybe") to `java.lang.Boolean`}):
     * <ul>
     *   <li>a value of the right JSON type that a reader refused keeps the reader's reason, without Jackson's
     *   preamble naming the Java type ("must be between 1970-01-01 and 9999-12-31", "contains a control
     *   character", an amount's rule from {@code MoneyJson});</li>
     *   <li>a value of the wrong JSON type is told what to send ("expected true or false");</li>
     *   <li>anything else (a syntax error, a missing or unknown property) keeps the parser's words.</li>
     * </ul>
     */
    static String readable(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        Class<?> wanted = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (wanted == null || e instanceof InvalidNullException || e instanceof UnrecognizedPropertyException) {
            return original;
        }
        if (original != null && original.startsWith("Trailing token")) {
            return "the body holds more than one JSON value";
        }
        if (e instanceof InvalidFormatException) {
            int reason = original == null ? -1 : original.indexOf("\": ");
            if (original != null && original.startsWith("Cannot deserialize value of type") && reason > 0) {
                String why = original.substring(reason + 3);
                if (!why.contains("`") && !why.contains("java.")) {
                    return why;
                }
            }
        }
        if (wanted == Boolean.class || wanted == boolean.class) {
            return "expected true or false";
        }
        if (wanted.isEnum()) {
            return "one of " + Arrays.toString(wanted.getEnumConstants());
        }
        if (wanted == Integer.class || wanted == int.class || wanted == Long.class || wanted == long.class) {
            return "expected a whole number";
        }
        if (wanted == String.class) {
            return "expected a JSON string";
        }
        if (wanted == UUID.class) {
            return "expected a UUID, such as 3f2c1b9e-8d4a-4c6e-9b1a-2e5f7a9c0d13";
        }
        if (wanted == LocalDate.class) {
            return "expected a date, yyyy-mm-dd";
        }
        if (wanted == LocalTime.class) {
            return "expected a time of day, hh:mm";
        }
        if (wanted == Instant.class) {
            return "expected an instant, such as 2026-12-07T10:15:30Z";
        }
        if (Collection.class.isAssignableFrom(wanted) || wanted.isArray()) {
            return "expected a JSON array";
        }
        if (Map.class.isAssignableFrom(wanted) || wanted.isRecord()) {
            return "expected a JSON object";
        }
        return e.getOriginalMessage();
    }

    /** 400 naming a field and where it was ({@code body}, {@code query}, {@code path}, {@code header}). */
    static Response invalid(String field, String in, String message) {
        Map<String, Object> problem = base(400, "validation", "Bad Request", field + ": " + message);
        problem.put("violations", List.of(Map.of("field", field, "in", in, "message", message)));
        return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
    }

    static Response problem(int status, String slug, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON).entity(base(status, slug, title, detail)).build();
    }

    private static Response unauthorized(String detail) {
        return Response.status(401).type(PROBLEM_JSON).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(base(401, "unauthorized", "Unauthorized", detail)).build();
    }

    private static Map<String, Object> base(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(slug).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
