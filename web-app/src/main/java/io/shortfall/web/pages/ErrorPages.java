package io.shortfall.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.shortfall.web.backend.ServiceRefused;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person sees when a page cannot be shown: one page per case, never a stack trace. Something that is not
 * theirs reads exactly like something that does not exist (a 404 either way), so an address reveals nothing.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance unavailable();

        static native TemplateInstance refused(String message);

        static native TemplateInstance failed(String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Templates.forbidden());
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefused e) {
        if (e.status() == 401) {
            // The service no longer takes this session's token: sign out (Keycloak too) and in again.
            return Response.seeOther(URI.create("/logout")).build();
        }
        if (e.notFound()) {
            return page(404, Templates.notFound());
        }
        if (e.unavailable()) {
            LOG.warnf("a service call failed: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
            return page(503, Templates.unavailable());
        }
        return page(e.status(), Templates.refused(e.message()));
    }

    /** Any other request error (a method not allowed, an unreadable form): its status, in a page. */
    @ServerExceptionMapper
    public Response otherRequestError(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 405 && request.method() == HttpMethod.GET) {
            Optional<String> page = PageOfAction.of(request.path());
            if (page.isPresent()) {
                return Response.seeOther(URI.create(page.get())).build();
            }
        }
        if (status >= 500) {
            return failed(e);
        }
        return page(status, Templates.refused(e.getResponse().getStatusInfo().getReasonPhrase()));
    }

    /** A fault of this app: logged with a reference the person can quote, and a page saying so. */
    @ServerExceptionMapper
    public Response failed(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "page failed (reference %s)", reference);
        return page(500, Templates.failed(reference));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }
}
