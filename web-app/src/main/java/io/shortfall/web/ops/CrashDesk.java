package io.shortfall.web.ops;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.liquidation.model.Cap;
import io.shortfall.client.liquidation.model.Entry;
import io.shortfall.client.liquidation.model.InsuranceFundView;
import io.shortfall.client.notification.model.DeliveryView;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.pages.Language;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What an operator watches while a crash is liquidated: per asset the debt in liquidation against its cap and the
 * queue behind it, the sales that are STUCK (retried from here, under the same client order ids), the sales in
 * progress, the insurance fund and its latest draws; and the emails that could not be sent (sent again from here).
 */
@Path("/ops")
@RolesAllowed("operator")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CrashDesk {

    /** How many of each list one page shows; the rest is a page further in the services' APIs. */
    static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance liquidations(List<Cap> caps, List<Entry> stuck, List<Entry> selling,
                                                    List<Entry> queued, InsuranceFundView fund, String notice,
                                                    int shown);

        static native TemplateInstance emails(List<DeliveryView> failed, String notice);
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Language language;

    @GET
    @Path("liquidations")
    public TemplateInstance liquidations(@QueryParam("retried") UUID retried) {
        var queue = backends.queue();
        List<Cap> caps = Call.of(() -> queue.listCaps(bearer.headers()));
        List<Entry> stuck = Call.of(() -> queue.listQueue(null, 0, SHOWN, "STUCK", bearer.headers()));
        List<Entry> selling = Call.of(() -> queue.listQueue(null, 0, SHOWN, "SELLING", bearer.headers()));
        List<Entry> queued = Call.of(() -> queue.listQueue(null, 0, SHOWN, "QUEUED", bearer.headers()));
        InsuranceFundView fund = Call.of(() -> backends.insuranceFund().getInsuranceFund(0, 10, bearer.headers()));
        String notice = retried == null ? null : language.messages(OpsMessages.class).saleRetried(retried);
        return Templates.liquidations(caps, stuck, selling, queued, fund, notice, SHOWN);
    }

    @POST
    @Path("liquidations/{id}/retry")
    public Response retry(@PathParam("id") UUID id) {
        Call.of(() -> backends.liquidations().retryLiquidation(id, bearer.headers()));
        return Response.seeOther(URI.create("/ops/liquidations?retried=" + id)).build();
    }

    @GET
    @Path("emails")
    public TemplateInstance emails(@QueryParam("retried") UUID retried) {
        List<DeliveryView> failed = Call.of(() -> backends.deliveries().listDeliveries(0, SHOWN, "FAILED",
                bearer.headers()));
        String notice = retried == null ? null : language.messages(OpsMessages.class).emailRetried(retried);
        return Templates.emails(failed, notice);
    }

    @POST
    @Path("emails/{id}/retry")
    public Response retryEmail(@PathParam("id") UUID id) {
        Call.of(() -> backends.deliveries().retryDelivery(id, bearer.headers()));
        return Response.seeOther(URI.create("/ops/emails?retried=" + id)).build();
    }
}
