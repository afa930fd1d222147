package io.shortfall.kit.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The size limits of a request, answered with a problem before a byte of the body is read: a URI longer than
 * {@value #MAX_URI} characters is a 414, headers larger than {@value #MAX_HEADERS} bytes a 431, a body declared
 * larger than {@code quarkus.http.limits.max-body-size} a 413. (The HTTP decoder's own limits, which would answer
 * without a body, are set well above these in the kit's configuration; only a request beyond them, 64 KB of
 * request line or headers, still gets the decoder's bare status.)
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_URI = 8192;
    public static final int MAX_HEADERS = 16384;
    private final long maxBody;

    public HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.uri().length() > MAX_URI) {
                refuse(context.response(), 414, "uri-too-long", "URI Too Long",
                        "a request URI may have at most " + MAX_URI + " characters");
            } else if (headerBytes(request) > MAX_HEADERS) {
                refuse(context.response(), 431, "headers-too-large", "Request Header Fields Too Large",
                        "request headers may have at most " + MAX_HEADERS + " bytes in all");
            } else if (declaredLength(request) > maxBody) {
                refuse(context.response(), 413, "body-too-large", "Content Too Large",
                        "a request body may have at most " + maxBody + " bytes");
            } else {
                context.next();
            }
        });
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(HttpServerResponse response, int status, String slug, String title, String detail) {
        JsonObject problem = new JsonObject()
                .put("type", Problems.type(slug).toString())
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        response.setStatusCode(status)
                .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .end(problem.encode());
    }
}
