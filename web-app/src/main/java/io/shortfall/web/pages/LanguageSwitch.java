package io.shortfall.web.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;

/**
 * The switch in every page's header: {@code GET /language?to=de} keeps the choice in a cookie for a year and leads
 * back to the page it was made on (its {@code Referer}, when that is a page of this app), else to the start.
 */
@Path("/language")
public class LanguageSwitch {

    /** Whether cookies are sent over HTTPS only, as the session's are (true behind the Ingress). */
    @Inject
    @ConfigProperty(name = "shortfall.web.secure-cookies", defaultValue = "false")
    boolean secureCookies;

    @GET
    public Response to(@QueryParam("to") String to, @HeaderParam("Referer") String referer,
                       @HeaderParam("Host") String host) {
        String tag = Language.WRITTEN.stream().map(l -> l.getLanguage()).filter(l -> l.equals(to)).findFirst()
                .orElse(Language.WRITTEN.get(0).getLanguage());
        NewCookie cookie = new NewCookie.Builder(Language.COOKIE).value(tag).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true).secure(secureCookies)
                .build();
        return Response.seeOther(back(referer, host)).cookie(cookie).build();
    }

    /** The page the switch was used on, when it is one of this app's; else the start. */
    static URI back(String referer, String host) {
        if (referer != null && host != null) {
            try {
                URI from = URI.create(referer);
                if (host.equalsIgnoreCase(from.getRawAuthority()) && from.getRawPath() != null
                        && from.getRawPath().startsWith("/") && !from.getRawPath().startsWith("//")) {
                    return URI.create(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
                }
            } catch (IllegalArgumentException malformed) {
                // not a page of ours
            }
        }
        return URI.create("/");
    }
}
