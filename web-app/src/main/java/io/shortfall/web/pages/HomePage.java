package io.shortfall.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The first page after signing in: a borrower goes straight to their loans, an agent to the queue, others see where
 * their work is.
 */
@Path("/")
@Authenticated
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    Viewer viewer;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        if (viewer.borrower()) {
            return Response.seeOther(URI.create("/loans")).build();
        }
        if (viewer.agent()) {
            return Response.seeOther(URI.create("/agent")).build();
        }
        if (viewer.operator()) {
            return Response.seeOther(URI.create("/ops")).build();
        }
        return Response.ok(Templates.home()).build();
    }
}
