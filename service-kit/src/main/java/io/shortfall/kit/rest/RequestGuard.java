package io.shortfall.kit.rest;

import io.shortfall.kit.json.StrictText;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before any resource sees it, what no operation of the API accepts: a query parameter or path with a
 * control character or longer than {@value #MAX_PARAMETER} characters, or a malformed percent-escape (400 naming
 * it), and a POST, PUT or PATCH whose body is declared or sent as anything but JSON (415): every body the API reads
 * is {@code application/json}. A POST, PUT or PATCH without a body (none sent, or {@code Content-Length: 0}) is read
 * as an absent JSON body, whatever type it claims.
 */
public class RequestGuard {

    public static final int MAX_PARAMETER = 200;
    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String path;
        Map<String, List<String>> query;
        try {
            path = request.getUriInfo().getPath();
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            return ProblemMappers.invalid("uri", "path", "a malformed percent-escape");
        }
        if (StrictText.controlCharacterAt(path) >= 0 || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0
                || path.indexOf('\r') >= 0) {
            return ProblemMappers.invalid("path", "path", "contains a control character");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (name.length() > MAX_PARAMETER || hasControl(name)) {
                return ProblemMappers.invalid("query", "query", "a parameter name is too long or has a control character");
            }
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_PARAMETER) {
                    return ProblemMappers.invalid(name, "query", "at most " + MAX_PARAMETER + " characters");
                }
                if (hasControl(value)) {
                    return ProblemMappers.invalid(name, "query", "contains a control character");
                }
            }
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (WITH_BODY.contains(request.getMethod()) && !hasBody(request)) {
            // No body at all, whatever type it claims: read as an absent JSON body, so an operation whose body is
            // optional (an approval's note) takes the request and one that needs a body says so with a 400.
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return null;
        }
        if (WITH_BODY.contains(request.getMethod()) && !isJson(contentType)) {
            return ProblemMappers.problem(415, "unsupported-media-type", "Unsupported Media Type",
                    "a request body must be application/json, not " + (contentType == null ? "untyped" : contentType));
        }
        return null;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "application".equals(type.getType()) && "json".equals(type.getSubtype())
                || type.getSubtype() != null && type.getSubtype().endsWith("+json");
    }
}
