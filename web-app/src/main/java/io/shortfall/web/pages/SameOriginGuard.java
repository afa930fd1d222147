package io.shortfall.web.pages;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery: a form another site posts in the viewer's browser is refused before it reaches a page.
 * Every state-changing request must come from this app's own pages, as the browser attests it (Fetch Metadata's
 * {@code Sec-Fetch-Site}, else the {@code Origin} header matching the host asked for); the session cookie is also
 * {@code SameSite=Lax}, so a cross-site POST does not carry it. OWASP's CSRF cheat sheet names both defences.
 */
public class SameOriginGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSite(HttpServerRequest request) {
        if (SAFE.contains(request.method().name())) {
            return Optional.empty();
        }
        return sameOrigin(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.authority() == null
                ? null : request.authority().toString())
                ? Optional.empty()
                : Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("Refused: this form was not sent from Shortfall's own pages.").build());
    }

    /** Same origin by Fetch Metadata when the browser sends it, else by Origin against the host; neither: refused. */
    static boolean sameOrigin(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        if (origin == null || host == null || origin.equals("null")) {
            return false;
        }
        try {
            return host.equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
