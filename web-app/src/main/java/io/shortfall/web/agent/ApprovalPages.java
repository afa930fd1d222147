package io.shortfall.web.agent;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.debt.model.ApprovalView;
import io.shortfall.client.debt.model.DecisionRequest;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.pages.Forms;
import io.shortfall.web.pages.Language;
import io.shortfall.web.pages.NotFound;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Maker-checker for supervisors: the settlements beyond an agent's limit and the write-offs waiting for a decision.
 * A supervisor never decides their own request; debt-collection refuses it, and the page does not offer it.
 */
@Path("/approvals")
@RolesAllowed("supervisor")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ApprovalPages {

    private static final int PAGE = 50;

    /** What the page says after a decision, by its {@code ?done=}, in the page's language. */
    private static final Map<String, Function<AgentMessages, String>> NOTICES = Map.of(
            "approved", AgentMessages::noticeApproved,
            "rejected", AgentMessages::noticeRejected);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pending(List<ApprovalView> approvals, String me, String notice, String problem);
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    io.shortfall.web.pages.Viewer viewer;

    @Inject
    Language language;

    @GET
    public TemplateInstance pending(@QueryParam("done") String done) {
        Function<AgentMessages, String> notice = done == null ? null : NOTICES.get(done);
        return page(notice == null ? null : notice.apply(messages()), null);
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id, @RestForm String note) {
        UUID approval = NotFound.uuid(id);
        return decide("approved", () -> backends.approvals().approveRequest(approval,
                new DecisionRequest().note(Forms.blankToNull(note)), bearer.headers()));
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") String id, @RestForm String note) {
        UUID approval = NotFound.uuid(id);
        return decide("rejected", () -> backends.approvals().rejectRequest(approval,
                new DecisionRequest().note(Forms.blankToNull(note)), bearer.headers()));
    }

    private Response decide(String done, Call.ClientCall<?> decision) {
        try {
            Call.of(decision);
        } catch (ServiceRefused e) {
            if (e.unavailable() || e.status() == 401 || e.status() == 404) {
                throw e;
            }
            String message = "maker-checker".equals(e.type())
                    ? messages().makerChecker() : e.message();
            return Response.status(e.status() == 403 ? 403 : 409).entity(page(null, message)).build();
        }
        return Response.seeOther(URI.create("/approvals?done=" + done)).build();
    }

    /** The words of these pages in the page's language. */
    private AgentMessages messages() {
        return language.messages(AgentMessages.class);
    }

    private TemplateInstance page(String notice, String problem) {
        List<ApprovalView> pending = Call.of(() -> backends.approvals().listApprovals(0, PAGE, "PENDING",
                bearer.headers()));
        return Templates.pending(pending, viewer.subject(), notice, problem);
    }
}
