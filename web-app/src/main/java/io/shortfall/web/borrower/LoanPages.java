package io.shortfall.web.borrower;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.loan.model.AmountRequest;
import io.shortfall.client.loan.model.AssetView;
import io.shortfall.client.loan.model.AutoIncreaseRequest;
import io.shortfall.client.loan.model.Balance;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.client.loan.model.OpenLoanRequest;
import io.shortfall.client.loan.model.TimelineEntry;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.live.LiveLoan;
import io.shortfall.web.live.LiveUpdates;
import io.shortfall.web.pages.AppMessages;
import io.shortfall.web.pages.Language;
import io.shortfall.web.pages.NotFound;
import io.shortfall.web.pages.Viewer;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestForm;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A borrower's loans: the list with each loan's zone, live; one loan with its timeline, adding collateral,
 * repaying, its reserve and automatic top-up; and opening a loan.
 */
@Path("/loans")
@RolesAllowed("borrower")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class LoanPages {

    private static final int PAGE = 50;

    /** The fields the open-a-loan form shows a message next to. */
    private static final java.util.Set<String> FORM_FIELDS = java.util.Set.of("collateralAsset", "collateralAmount",
            "principal");

    /** The form field a refusal of the loan as a whole concerns, by problem type; shown next to that field. */
    private static final Map<String, String> FIELD_OF_PROBLEM = Map.of(
            "ltv-too-high", "principal",
            "price-stale", "collateralAsset",
            "price-unavailable", "collateralAsset");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<LoanView> loans);

        static native TemplateInstance detail(LoanView loan, List<TimelineEntry> timeline, BigDecimal reserve,
                                              LoanActions actions);

        static native TemplateInstance open(List<AssetView> assets, OpenLoanForm form, Map<String, String> errors,
                                            String problem, Optional<LtvPreview> preview);

        static native TemplateInstance open$preview(Optional<LtvPreview> preview);

        static native TemplateInstance live(LiveLoan change);
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Viewer viewer;

    @Inject
    LiveUpdates updates;

    @Inject
    Language language;

    @GET
    public TemplateInstance list() {
        return Templates.list(Call.of(() -> backends.loans().listLoans(null, 0, PAGE, bearer.headers())));
    }

    /**
     * The viewer's loans as margin-service decides them, as server-sent events: one named {@code loan-<id>} per
     * change, its data the loan's live part as HTML (htmx's SSE extension swaps it into the page), in the language of
     * the page that opened the stream (the events are rendered outside any request).
     */
    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        Locale locale = language.locale();
        return updates.of(viewer.subject()).map(change -> sse.newEventBuilder()
                .name(change.eventName())
                .data(Templates.live(change).setLocale(locale).render())
                .build());
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("done") String done) {
        UUID loanId = NotFound.uuid(id);
        LoanView loan = load(loanId);
        return detail(loan, LoanActions.fresh(loan, done, msg(), language::typedAs));
    }

    private TemplateInstance detail(LoanView loan, LoanActions actions) {
        List<TimelineEntry> timeline = Call.of(() -> backends.loans().getLoanTimeline(loan.getId(), 0, PAGE,
                bearer.headers()));
        return Templates.detail(loan, timeline, "ACTIVE".equals(loan.getStatus()) ? reserve(loan) : null, actions);
    }

    /** What the borrower's reserve of the loan's asset holds: what automatic top-up can draw on. */
    private BigDecimal reserve(LoanView loan) {
        return Call.of(() -> backends.reserves().listReserves(bearer.headers())).stream()
                .filter(b -> loan.getCollateralAsset().equals(b.getAsset()))
                .map(Balance::getBalance).findFirst().orElse(BigDecimal.ZERO);
    }

    private LoanView load(UUID loanId) {
        return Call.of(() -> backends.loans().getLoan(loanId, bearer.headers()));
    }

    /** Collateral added to the loan, in its asset. */
    @POST
    @Path("{id}/collateral")
    public Response addCollateral(@PathParam("id") String id, @RestForm String amount,
                                  @RestForm String idempotencyKey) {
        UUID loanId = NotFound.uuid(id);
        return change(loanId, LoanActions.Kind.COLLATERAL, amount, idempotencyKey, a ->
                backends.loans().addCollateral(loanId, new AmountRequest().amount(a), idempotencyKey,
                        bearer.headers()));
    }

    /** A repayment, in USDT: interest first, then principal; the whole debt closes the loan. */
    @POST
    @Path("{id}/repayments")
    public Response repay(@PathParam("id") String id, @RestForm String amount, @RestForm String idempotencyKey) {
        UUID loanId = NotFound.uuid(id);
        return change(loanId, LoanActions.Kind.REPAYMENT, amount, idempotencyKey, a ->
                backends.loans().repayLoan(loanId, new AmountRequest().amount(a), idempotencyKey, bearer.headers()));
    }

    /** Collateral into the borrower's reserve of the loan's asset, for automatic top-up to draw on. */
    @POST
    @Path("{id}/reserve")
    public Response addToReserve(@PathParam("id") String id, @RestForm String amount,
                                 @RestForm String idempotencyKey) {
        UUID loanId = NotFound.uuid(id);
        String asset = load(loanId).getCollateralAsset();
        return change(loanId, LoanActions.Kind.RESERVE, amount, idempotencyKey, a ->
                backends.reserves().depositToReserve(asset, new AmountRequest().amount(a), idempotencyKey,
                        bearer.headers()));
    }

    /** Automatic top-up from the reserve switched on or off. */
    @POST
    @Path("{id}/auto-increase")
    public Response autoIncrease(@PathParam("id") String id, @RestForm boolean enabled) {
        UUID loanId = NotFound.uuid(id);
        Call.of(() -> backends.loans().setAutoIncrease(loanId, new AutoIncreaseRequest().enabled(enabled),
                bearer.headers()));
        return Response.seeOther(URI.create("/loans/" + loanId + "?done=" + (enabled ? "auto-on" : "auto-off")))
                .build();
    }

    @FunctionalInterface
    private interface LoanChange {
        Object apply(BigDecimal amount) throws Exception;
    }

    private Response change(UUID loanId, LoanActions.Kind kind, String amount, String key, LoanChange change) {
        Optional<BigDecimal> typed = LtvPreview.positive(language.plainNumber(amount));
        if (typed.isEmpty()) {
            return Response.status(422).entity(detail(load(loanId), LoanActions.refused(kind, amount, key,
                    msg().positiveAmount(language.typedAs("0.25")), null))).build();
        }
        try {
            Call.of(() -> change.apply(typed.get()));
        } catch (ServiceRefused e) {
            if (e.unavailable()) {
                return Response.status(503).entity(detail(load(loanId), LoanActions.refused(kind, amount, key, null,
                        language.messages(AppMessages.class).unconfirmed()))).build();
            }
            if (!e.aboutTheForm()) {
                throw e;
            }
            return Response.status(422).entity(detail(load(loanId), LoanActions.refused(kind, amount, key,
                    e.fields().getOrDefault("amount", e.fields().isEmpty() ? e.message() : null),
                    e.beyond(java.util.Set.of("amount"))))).build();
        }
        return Response.seeOther(URI.create("/loans/" + loanId + "?done=" + kind.done())).build();
    }

    @GET
    @Path("new")
    public TemplateInstance openForm() {
        return Templates.open(assets(), OpenLoanForm.blank(), Map.of(), null, Optional.empty());
    }

    /** The LTV the form's numbers would open at, at the asset's current price (an htmx fragment). */
    @POST
    @Path("preview")
    public TemplateInstance preview(@BeanParam OpenLoanForm form) {
        return Templates.open$preview(preview(assets(), form));
    }

    @POST
    public Response open(@BeanParam OpenLoanForm form) {
        OpenLoanRequest request = new OpenLoanRequest()
                .collateralAsset(form.asset)
                .autoIncrease(form.autoIncrease);
        Map<String, String> unreadable = new java.util.LinkedHashMap<>();
        String notPositive = msg().positiveAmount(language.typedAs("1.5"));
        request.collateralAmount(decimal(language.plainNumber(form.collateralAmount), "collateralAmount", notPositive,
                unreadable));
        request.principal(decimal(language.plainNumber(form.principal), "principal", notPositive, unreadable));
        if (!unreadable.isEmpty()) {
            return refused(422, form, unreadable, null);
        }
        try {
            LoanView loan = Call.of(() -> backends.loans().openLoan(request, form.idempotencyKey, bearer.headers()));
            return Response.seeOther(URI.create("/loans/" + loan.getId())).build();
        } catch (ServiceRefused e) {
            if (e.status() == 401) {
                throw e;
            }
            if (e.unavailable()) {
                // Perhaps opened, perhaps not: the same form, with the same idempotency key, opens it at most once.
                return refused(503, form, Map.of(), language.messages(AppMessages.class).unconfirmed());
            }
            String field = FIELD_OF_PROBLEM.get(e.type());
            if (e.fields().isEmpty() && field != null) {
                return refused(422, form, Map.of(field, e.message()), null);
            }
            return refused(422, form, e.fields(), e.beyond(FORM_FIELDS));
        }
    }

    /** The form again, as typed, with the assets and their prices of now (read only when it is refused). */
    private Response refused(int status, OpenLoanForm form, Map<String, String> errors, String problem) {
        List<AssetView> assets = assets();
        return Response.status(status)
                .entity(Templates.open(assets, form, errors, problem, preview(assets, form)))
                .build();
    }

    private static BigDecimal decimal(String text, String field, String notPositive, Map<String, String> errors) {
        Optional<BigDecimal> n = LtvPreview.positive(text);
        if (n.isEmpty()) {
            errors.put(field, notPositive);
            return null;
        }
        return n.get();
    }

    /** The words of the loan pages in the page's language, for what this class words itself. */
    private LoanMessages msg() {
        return language.messages(LoanMessages.class);
    }

    private List<AssetView> assets() {
        return Call.of(() -> backends.assets().listAssets(bearer.headers()));
    }

    private Optional<LtvPreview> preview(List<AssetView> assets, OpenLoanForm form) {
        return assets.stream()
                .filter(a -> a.getAsset().equals(form.asset))
                .findFirst()
                .flatMap(a -> LtvPreview.of(language.plainNumber(form.collateralAmount),
                        language.plainNumber(form.principal), a.getPrice(),
                        a.getThresholds().getInitial(), a.getThresholds().getWarning(),
                        a.getThresholds().getMarginCall()));
    }
}
