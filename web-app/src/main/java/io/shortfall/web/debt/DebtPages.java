package io.shortfall.web.debt;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.DebtSummaryView;
import io.shortfall.client.debt.model.PaymentRequest;
import io.shortfall.events.MoneyJson;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.pages.NotFound;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A borrower's debts after a liquidation left a shortfall: each case with what is owed, the receipt of the sale,
 * the offers to settle it, the plan once one is accepted, and paying.
 */
@Path("/debts")
@RolesAllowed("borrower")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DebtPages {

    private static final int PAGE = 50;

    /** What the page says after an action, by the {@code done} parameter of the redirect that follows it. */
    private static final Map<String, String> NOTICES = Map.of(
            "accepted", "Offer accepted. Your plan is below.",
            "paid", "Payment received. Thank you.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DebtSummaryView> debts);

        static native TemplateInstance detail(DebtCaseView debt, DebtView view, PaymentFormView pay, String notice,
                                              String problem);
    }

    /** The payment form as shown: the amount proposed or typed, its key, and what was wrong with it. */
    public record PaymentFormView(String amount, String idempotencyKey, String error) {
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @GET
    public TemplateInstance list() {
        return Templates.list(Call.of(() -> backends.debts().listDebts(0, PAGE, bearer.headers())));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("done") String done) {
        DebtCaseView debt = load(NotFound.uuid(id));
        DebtView view = new DebtView(debt);
        BigDecimal next = view.nextPayment();
        return Templates.detail(debt, view, new PaymentFormView(next == null ? "" : next.toPlainString(),
                UUID.randomUUID().toString(), null), done == null ? null : NOTICES.get(done), null);
    }

    @POST
    @Path("{id}/offers/{offerId}/accept")
    public Response accept(@PathParam("id") String id, @PathParam("offerId") String offerId) {
        UUID caseId = NotFound.uuid(id);
        UUID offer = NotFound.uuid(offerId);
        try {
            Call.of(() -> backends.debts().acceptOffer(caseId, offer, bearer.headers()));
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            return refused(422, caseId, new PaymentFormView("", UUID.randomUUID().toString(), null), e.message());
        }
        return Response.seeOther(URI.create("/debts/" + caseId + "?done=accepted")).build();
    }

    @POST
    @Path("{id}/payments")
    public Response pay(@PathParam("id") String id, @BeanParam PaymentForm form) {
        UUID caseId = NotFound.uuid(id);
        java.util.Optional<BigDecimal> typed = MoneyJson.plainDecimal(form.amount);
        if (typed.isEmpty()) {
            return refused(422, caseId, new PaymentFormView(form.amount, form.idempotencyKey,
                    "Enter an amount, e.g. 250.00"), null);
        }
        BigDecimal amount = typed.get();
        try {
            Call.of(() -> backends.debts().payDebt(caseId, new PaymentRequest().amount(amount), form.idempotencyKey,
                    bearer.headers()));
        } catch (ServiceRefused e) {
            if (e.unavailable()) {
                // Perhaps paid, perhaps not: the same form, with the same idempotency key, pays at most once.
                return refused(503, caseId, new PaymentFormView(form.amount, form.idempotencyKey, null),
                        ServiceRefused.UNCONFIRMED);
            }
            if (!e.aboutTheForm()) {
                throw e;
            }
            String beyond = e.beyond(java.util.Set.of("amount"));
            return refused(422, caseId, new PaymentFormView(form.amount, form.idempotencyKey,
                    e.fields().get("amount")), e.fields().containsKey("amount") ? beyond : e.message());
        }
        return Response.seeOther(URI.create("/debts/" + caseId + "?done=paid")).build();
    }

    private Response refused(int status, UUID caseId, PaymentFormView pay, String problem) {
        DebtCaseView debt = load(caseId);
        return Response.status(status).entity(Templates.detail(debt, new DebtView(debt), pay, null, problem)).build();
    }

    private DebtCaseView load(UUID id) {
        return Call.of(() -> backends.debts().getDebt(id, bearer.headers()));
    }
}
