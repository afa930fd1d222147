package io.shortfall.debt.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.validation.constraints.DecimalMax;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.shortfall.kit.rest.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Offer;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.service.DebtMetrics;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.Holds;
import io.shortfall.debt.service.Negotiation;
import io.shortfall.debt.service.Payments;
import io.shortfall.debt.service.Statements;
import io.shortfall.kit.idempotency.IdempotentRequests;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A debtor's debt cases; agents and supervisors see any case. */
@Path("/api/debts")
@Authenticated
@Tag(name = "Debts", description = "A debtor's cases: offers, plans, payments, holds, messages, statements")
public class DebtResource {

    public record ProposalRequest(@Schema(required = true) @Size(max = Limits.CODE) String kind, Integer installments,
                                  @Size(max = Limits.CODE) String frequency, LocalDate firstDueDate,
                                  @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal downPayment,
                                  @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal amount, @Size(max = Limits.TEXT) String note,
                                  UUID counterOf) {
        Negotiation.Proposal proposal() {
            return new Negotiation.Proposal(kind, installments, frequency, firstDueDate, downPayment, amount, note,
                    counterOf);
        }
    }

    public record PaymentRequest(@Schema(required = true) @DecimalMax(value = "1000000000000", message = "at most 1000000000000") BigDecimal amount) {
    }

    public record HoldRequest(@Schema(required = true) @Size(max = Limits.CODE) String hold,
                              @Schema(required = true) @Size(max = Limits.TEXT) String reason) {
    }

    public record MessageRequest(@Schema(required = true) @Size(max = Limits.TEXT) String text) {
    }

    /** A message on a case: {@code by} {@code DEBTOR} (the debtor's) or {@code AGENT} (a reply by staff). */
    public record MessageView(@NotNull UUID id, @NotNull String sender, @NotNull String text,
                              @NotNull java.time.Instant at, @NotNull String by) {
        static MessageView of(io.shortfall.debt.Message m, DebtCase debtCase) {
            return new MessageView(m.id, m.sender, m.text, m.at,
                    m.sender.equals(debtCase.debtorId) ? Offer.BY_DEBTOR : Offer.BY_AGENT);
        }
    }

    private final DebtCaseRepository cases;
    private final DebtCaseViews views;
    private final Negotiation negotiation;
    private final Payments payments;
    private final Holds holds;
    private final Statements statements;
    private final IdempotentRequests idempotent;
    private final DebtorProjection debtors;
    private final Clock clock;
    private final Caller caller;
    private final DebtMetrics metrics;
    private final CaseFileRepository caseFiles;

    public DebtResource(DebtCaseRepository cases, DebtCaseViews views, Negotiation negotiation, Payments payments,
                        Holds holds, Statements statements, IdempotentRequests idempotent, DebtorProjection debtors,
                        Clock clock, Caller caller, DebtMetrics metrics, CaseFileRepository caseFiles) {
        this.metrics = metrics;
        this.caseFiles = caseFiles;
        this.cases = cases;
        this.views = views;
        this.negotiation = negotiation;
        this.payments = payments;
        this.holds = holds;
        this.statements = statements;
        this.idempotent = idempotent;
        this.debtors = debtors;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @WithSession
    @RolesAllowed(Roles.BORROWER)
    @Operation(operationId = "listDebts", summary = "The caller's own debt cases, newest first")
    public Uni<List<DebtSummaryView>> list(@QueryParam("page") @DefaultValue("0") int page,
                                           @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        return cases.byDebtor(caller.id(), Paging.page(page, size))
                .map(list -> list.stream().map(DebtSummaryView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "getDebt", summary = "One case: balance, status, plan with its schedule, receipt, offers, payments and timeline")
    public Uni<DebtCaseView> get(@PathParam("id") UUID id) {
        return visible(id).chain(debtCase -> views.view(debtCase, isDebtor(debtCase)));
    }

    @GET
    @Path("{id}/offers")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "listOffers", summary = "The self-serve ladder and every offer made on a case, each with its exact schedule")
    public Uni<List<OfferView>> offers(@PathParam("id") UUID id) {
        return visible(id).chain(debtCase -> views.offers(debtCase, isDebtor(debtCase)));
    }

    @POST
    @Path("{id}/offers/preview")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "previewOffer", summary = "The exact schedule a proposal would start, without making it")
    public Uni<List<io.shortfall.events.DebtEvents.ScheduledInstallment>> preview(@PathParam("id") UUID id,
                                                                                 @Valid ProposalRequest body) {
        ProposalRequest request = require(body);
        return visible(id).chain(debtCase -> debtors.zoneOf(debtCase.debtorId).map(zone ->
                negotiation.preview(debtCase, request.proposal(), LocalDate.ofInstant(clock.instant(), zone))
                        .stream().map(i -> new io.shortfall.events.DebtEvents.ScheduledInstallment(i.n(), i.dueDate(),
                                i.amount())).toList()));
    }

    @POST
    @Path("{id}/offers")
    @WithTransaction
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "The offer made (Location names it); ACCEPTED at once when a debtor's plan is inside the bounds",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfferView.class)))
    @Operation(operationId = "proposeOffer", summary = "Propose or counter (counterOf): INSTALLMENTS or SETTLEMENT; a debtor's plan inside the bounds is accepted at once")
    public Uni<Response> propose(@PathParam("id") UUID id, @Valid ProposalRequest body) {
        ProposalRequest request = require(body);
        return visible(id).chain(debtCase -> negotiation.propose(debtCase, party(debtCase), request.proposal())
                .chain(offer -> offerView(debtCase, offer))
                .map(view -> Response.created(URI.create("/api/debts/" + id + "/offers/" + view.id()))
                        .entity(view).build()));
    }

    @POST
    @Path("{id}/offers/{offerId}/accept")
    @WithTransaction
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "acceptOffer", summary = "The other party accepts an offer: its plan starts (a large discount waits for a supervisor)")
    public Uni<OfferView> accept(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId) {
        return visible(id).chain(debtCase -> negotiation.accept(debtCase, offerId, party(debtCase))
                .chain(offer -> offerView(debtCase, offer)));
    }

    @POST
    @Path("{id}/offers/{offerId}/reject")
    @WithTransaction
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "rejectOffer", summary = "The other party rejects an offer, with a reason")
    public Uni<OfferView> reject(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId,
                                  @Valid ReasonRequest body) {
        String reason = body == null ? null : body.reason();
        return visible(id).chain(debtCase -> negotiation.reject(debtCase, offerId, party(debtCase), reason)
                .chain(offer -> offerView(debtCase, offer)));
    }

    @POST
    @Path("{id}/payments")
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "201", description = "The payment and where it went (Location names it); a replay answers the same, with Idempotent-Replayed: true",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @Operation(operationId = "payDebt", summary = "Pay toward the plan (Idempotency-Key): oldest installment first; more than is owed is refused")
    public Uni<Response> pay(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                             @Valid PaymentRequest body) {
        PaymentRequest request = body == null ? new PaymentRequest(null) : body;
        String payer = caller.id();
        var currency = new java.util.concurrent.atomic.AtomicReference<String>();
        var settled = new java.util.concurrent.atomic.AtomicBoolean();
        return idempotent.once(payer, key, Map.of("method", "POST", "path", "/api/debts/" + id + "/payments",
                        "body", request),
                () -> visible(id).invoke(debtCase -> currency.set(debtCase.currency))
                        .chain(debtCase -> payments.pay(debtCase, payer, request.amount()))
                        .invoke(receipt -> settled.set(receipt.settled()))
                        .map(receipt -> Response.created(URI.create("/api/debts/" + id + "/payments/"
                                        + receipt.payment().id))
                                .entity(PaymentView.of(receipt.payment(), receipt.allocations().stream()
                                        .map(a -> new PaymentView.Allocation(a.n(), a.amount())).toList()))
                                .build()))
                // counted once committed, and not for a replayed answer
                .invoke(response -> {
                    if (response.getStatus() == 201 && currency.get() != null) {
                        metrics.paid(currency.get(), request.amount(), settled.get());
                    }
                });
    }

    @GET
    @Path("{id}/payments")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "listPayments", summary = "The case's payments in the order received, with their allocations")
    public Uni<List<PaymentView>> payments(@PathParam("id") UUID id) {
        return visible(id).chain(views::payments);
    }

    @POST
    @Path("{id}/holds")
    @WithTransaction
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "holdDebt", summary = "Hold the case: DISPUTED or HARDSHIP, with a reason (pauses ageing and reminders)")
    public Uni<DebtSummaryView> hold(@PathParam("id") UUID id, @Valid HoldRequest body) {
        HoldRequest request = body == null ? new HoldRequest(null, null) : body;
        return visible(id).chain(debtCase -> holds.hold(debtCase, request.hold(), request.reason(), caller.id())
                .replaceWith(() -> DebtSummaryView.of(debtCase)));
    }

    @DELETE
    @Path("{id}/holds")
    @WithTransaction
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "releaseHold", summary = "Lift the hold (agents)")
    public Uni<DebtSummaryView> release(@PathParam("id") UUID id) {
        return visible(id).chain(debtCase -> holds.release(debtCase, caller.id())
                .replaceWith(() -> DebtSummaryView.of(debtCase)));
    }

    @POST
    @Path("{id}/messages")
    @WithTransaction
    @RolesAllowed(Roles.BORROWER)
    @APIResponse(responseCode = "201", description = "The message, on the case's conversation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @Operation(operationId = "sendDebtMessage", summary = "A message from the debtor to the agents")
    public Uni<Response> message(@PathParam("id") UUID id, @Valid MessageRequest body) {
        String text = body == null ? null : body.text();
        return visible(id).chain(debtCase -> holds.message(debtCase, caller.id(), text)
                .map(m -> Response.status(201).entity(MessageView.of(m, debtCase)).build()));
    }

    @GET
    @Path("{id}/messages")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Operation(operationId = "listDebtMessages", summary = "The conversation on a case: the debtor's messages and the agents' replies, oldest first")
    public Uni<List<MessageView>> messages(@PathParam("id") UUID id) {
        return visible(id).chain(debtCase -> caseFiles.messages(id)
                .map(list -> list.stream().map(m -> MessageView.of(m, debtCase)).toList()));
    }

    @GET
    @Path("{id}/statement")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Produces({"text/csv", "application/pdf"})
    @APIResponse(responseCode = "200", description = "The statement as CSV (default, or ?format=csv) or PDF (?format=pdf, or Accept: application/pdf)",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(operationId = "getStatement", summary = "The statement: receipt, schedule, payments, balance; text/csv or application/pdf")
    public Uni<Response> statement(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                   @QueryParam("format") @Size(max = Limits.NAME) String format) {
        boolean pdf = "pdf".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("application/pdf")
                && !accept.contains("text/csv"));
        return visible(id).chain(debtCase -> views.view(debtCase, isDebtor(debtCase))).map(view -> pdf
                ? Response.ok(statements.pdf(view), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"statement-" + id + ".pdf\"").build()
                : Response.ok(statements.csv(view), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"statement-" + id + ".csv\"").build());
    }

    @GET
    @Path("{id}/settlement-letter")
    @WithSession
    @RolesAllowed({Roles.BORROWER, Roles.AGENT, Roles.SUPERVISOR})
    @Produces("application/pdf")
    @APIResponse(responseCode = "409", description = "The case is not settled yet (`not-settled`)")
    @APIResponse(responseCode = "200", description = "The settlement letter (PDF)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "getSettlementLetter", summary = "The settlement letter of a settled case (PDF); 409 before it is settled")
    public Uni<Response> settlementLetter(@PathParam("id") UUID id) {
        return visible(id).chain(debtCase -> {
            if (debtCase.status != io.shortfall.debt.domain.CaseStatus.SETTLED) {
                throw Problems.conflict("not-settled", "case " + id + " is " + debtCase.status
                        + ": a settlement letter comes when it is settled");
            }
            return views.view(debtCase, isDebtor(debtCase)).map(view -> Response.ok(statements.settlementLetter(view, debtCase.closedAt),
                            "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"settlement-" + id + ".pdf\"").build());
        });
    }

    private Uni<OfferView> offerView(DebtCase debtCase, Offer offer) {
        return views.offers(debtCase).map(all -> all.stream().filter(o -> o.id().equals(offer.id)).findFirst()
                .orElseThrow());
    }

    /** The debtor speaks for themselves; staff speak as the agent side. */
    private Negotiation.Party party(DebtCase debtCase) {
        return new Negotiation.Party(isDebtor(debtCase) ? Offer.BY_DEBTOR : Offer.BY_AGENT, caller.id());
    }

    private boolean isDebtor(DebtCase debtCase) {
        return caller.is(Roles.BORROWER) && caller.id().equals(debtCase.debtorId);
    }

    private static ProposalRequest require(ProposalRequest body) {
        if (body == null) {
            throw Problems.invalid("kind", "a proposal is required: kind, installments, firstDueDate, ...");
        }
        return body;
    }

    /** The case, if the caller may see it: its debtor or staff. Anyone else gets the same 404 as for no case. */
    private Uni<DebtCase> visible(UUID id) {
        return cases.findById(id).invoke(debtCase -> {
            if (debtCase == null || !caller.maySee(debtCase.debtorId)) {
                throw Problems.notFound("debt case", id);
            }
        });
    }
}
