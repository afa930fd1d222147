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
import io.shortfall.debt.Approval;
import io.shortfall.debt.ContactAttempt;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Promise;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.Delinquency;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.service.Casework;
import io.shortfall.debt.service.Payments;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.PledgeCustody;
import io.shortfall.kit.rest.Paging;
import io.shortfall.kit.rest.Problems;
import io.shortfall.kit.security.Caller;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The agents' side of collection: the work queue, assignment, contacts, promises, reversals, write-offs,
 * escalation, pledges.
 */
@Path("/api/cases")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Casework", description = "The agents' queue and work on a case: assignment, contacts, promises, reversals, write-offs, escalation, pledges")
public class CasesResource {

    /**
     * A case in the queue. {@code priority} = days past due + 30 per broken promise + one point per 100 owed
     * (at most 100): the queue is ordered by it, highest first, then oldest case first. {@code debtorName}: as the
     * debtor's identity provider gives it, null while unknown.
     */
    public record QueueItem(@NotNull UUID id, @NotNull String debtorId, String debtorName, @NotNull String status,
                            @NotNull BigDecimal outstanding, @NotNull String currency, @NotNull int daysPastDue,
                            String bucket, @NotNull int brokenPromises, String assignee, @NotNull Instant openedAt,
                            @NotNull long priority) {
    }

    public record AssignRequest(@Size(max = Limits.NAME) String agentId) {
    }

    public record ContactRequest(@Schema(required = true) @Size(max = Limits.CODE) String channel,
                                 @Schema(required = true) @Size(max = Limits.CODE) String outcome,
                                 @Size(max = Limits.TEXT) String note) {
    }

    public record ContactView(@NotNull UUID id, @NotNull String agentId, @NotNull String channel,
                              @NotNull String outcome, String note, @NotNull Instant at) {
        static ContactView of(ContactAttempt c) {
            return new ContactView(c.id, c.agentId, c.channel, c.outcome, c.note, c.at);
        }
    }

    public record PromiseRequest(@Schema(required = true) @DecimalMax(value = "1000000000000",
            message = "at most 1000000000000") BigDecimal amount, @Schema(required = true) LocalDate dueDate) {
    }

    public record PromiseView(@NotNull UUID id, @NotNull BigDecimal amount, @NotNull LocalDate dueDate,
                              @NotNull String status, @NotNull BigDecimal paid, @NotNull String madeBy,
                              @NotNull Instant madeAt) {
        static PromiseView of(Promise p) {
            return new PromiseView(p.id, p.amount, p.dueDate, p.status.name(), p.paid, p.madeBy, p.madeAt);
        }
    }

    private final DebtCaseRepository cases;
    private final Casework casework;
    private final Payments payments;
    private final DebtCaseViews views;
    private final io.shortfall.debt.service.Holds holds;
    private final io.shortfall.debt.service.Escalations escalations;
    private final Caller caller;
    private final PledgeCustody pledges;
    private final DebtorProjection debtors;
    private final CaseFileRepository caseFiles;

    public CasesResource(DebtCaseRepository cases, Casework casework, Payments payments, DebtCaseViews views,
                         io.shortfall.debt.service.Holds holds, io.shortfall.debt.service.Escalations escalations,
                         Caller caller, PledgeCustody pledges, DebtorProjection debtors,
                         CaseFileRepository caseFiles) {
        this.debtors = debtors;
        this.caseFiles = caseFiles;
        this.pledges = pledges;
        this.escalations = escalations;
        this.holds = holds;
        this.cases = cases;
        this.casework = casework;
        this.payments = payments;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(operationId = "listCaseQueue", summary = "The work queue, one page (?page= from 0, ?size= 1 to 100, 20 by default) in priority order "
            + "(highest first, then the oldest case, then id): ?status=&assignee=&bucket= (closed cases only when "
            + "asked by status)")
    public Uni<List<QueueItem>> queue(@QueryParam("status") @Size(max = Limits.NAME) String status,
                                      @QueryParam("assignee") @Size(max = Limits.NAME) String assignee,
                                      @QueryParam("bucket") @Size(max = Limits.NAME) String bucket,
                                      @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) int size) {
        CaseStatus wanted = parseStatus(status);
        if (bucket != null) {
            try {
                Delinquency.Bucket.ofLabel(bucket);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("bucket", "query", "one of 1-30, 31-60, 61-90, 91-120, 120+");
            }
        }
        var paging = Paging.page(page, size);
        return cases.queue(wanted, assignee, bucket, paging)
                .chain(found -> debtors.namesOf(found.stream().map(c -> c.debtorId).toList())
                        .map(names -> found.stream().map(c -> item(c, names.get(c.debtorId))).toList()));
    }

    static QueueItem item(DebtCase c, String debtorName) {
        long amountPoints = Math.min(100, c.outstanding.divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValue());
        long priority = c.daysPastDue + 30L * c.brokenPromises + amountPoints;
        return new QueueItem(c.id, c.debtorId, debtorName, c.status.name(), c.outstanding, c.currency, c.daysPastDue,
                c.bucket, c.brokenPromises, c.assignee, c.openedAt, priority);
    }

    @POST
    @Path("{id}/assign")
    @WithTransaction
    @Operation(operationId = "assignCase", summary = "Claim the case (no agentId) or assign it to agentId")
    public Uni<QueueItem> assign(@PathParam("id") UUID id, @Valid AssignRequest body) {
        String agentId = body == null ? null : body.agentId();
        return existing(id).chain(c -> casework.assign(c, agentId, caller.id())
                .chain(() -> debtors.nameOf(c.debtorId)).map(name -> item(c, name)));
    }

    @POST
    @Path("{id}/contacts")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "The contact logged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @Operation(operationId = "logContact", summary = "Log a contact: channel, outcome, note")
    public Uni<Response> contact(@PathParam("id") UUID id, @Valid ContactRequest body) {
        ContactRequest request = body == null ? new ContactRequest(null, null, null) : body;
        return existing(id).chain(c -> casework.contact(c, caller.id(), request.channel(), request.outcome(),
                request.note())).map(contact -> Response.status(201).entity(ContactView.of(contact)).build());
    }

    @GET
    @Path("{id}/contacts")
    @WithSession
    @Operation(operationId = "listContacts", summary = "The contacts logged on a case, oldest first")
    public Uni<List<ContactView>> contacts(@PathParam("id") UUID id) {
        return existing(id).chain(c -> caseFiles.contacts(id))
                .map(list -> list.stream().map(ContactView::of).toList());
    }

    @POST
    @Path("{id}/promises")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "The promise recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PromiseView.class)))
    @Operation(operationId = "recordPromise", summary = "Record a promise to pay: amount, dueDate")
    public Uni<Response> promise(@PathParam("id") UUID id, @Valid PromiseRequest body) {
        PromiseRequest request = body == null ? new PromiseRequest(null, null) : body;
        return existing(id).chain(c -> casework.promise(c, caller.id(), request.amount(), request.dueDate()))
                .map(p -> Response.status(201).entity(PromiseView.of(p)).build());
    }

    @GET
    @Path("{id}/promises")
    @WithSession
    @Operation(operationId = "listPromises", summary = "The promises of a case and how they were kept")
    public Uni<List<PromiseView>> promises(@PathParam("id") UUID id) {
        return existing(id).chain(c -> caseFiles.promises(id))
                .map(list -> list.stream().map(PromiseView::of).toList());
    }

    @POST
    @Path("{id}/payments/{paymentId}/reversal")
    @WithTransaction
    @Operation(operationId = "reversePayment", summary = "Reverse a payment, with a reason: the plan's other payments are replayed in order")
    public Uni<PaymentView> reverse(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId,
                                    @Valid ReasonRequest body) {
        String reason = body == null ? null : body.reason();
        return existing(id).chain(c -> payments.reverse(c, paymentId, caller.id(), reason)
                .chain(payment -> views.payments(c))
                .map(all -> all.stream().filter(p -> p.id().equals(paymentId)).findFirst().orElseThrow()));
    }

    @POST
    @Path("{id}/messages")
    @WithTransaction
    @APIResponse(responseCode = "201", description = "The reply, on the case's conversation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DebtResource.MessageView.class)))
    @Operation(operationId = "replyToDebtor", summary = "Reply to the debtor: text (on the case's timeline and in GET /api/debts/{id}/messages)")
    public Uni<Response> reply(@PathParam("id") UUID id, @Valid DebtResource.MessageRequest body) {
        String text = body == null ? null : body.text();
        return existing(id).chain(c -> holds.message(c, caller.id(), text)
                .map(m -> Response.status(201).entity(DebtResource.MessageView.of(m, c)).build()));
    }

    @POST
    @Path("{id}/write-off")
    @WithTransaction
    @APIResponse(responseCode = "202", description = "The approval request, PENDING until a supervisor decides",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApprovalResource.ApprovalView.class)))
    @Operation(operationId = "requestWriteOff", summary = "Request a write-off, with a reason: a supervisor other than the requester decides")
    public Uni<Response> writeOff(@PathParam("id") UUID id, @Valid ReasonRequest body) {
        String reason = body == null ? null : body.reason();
        return existing(id).chain(c -> casework.requestWriteOff(c, caller.id(), reason))
                .map(a -> Response.status(202).entity(ApprovalResource.ApprovalView.of(a)).build());
    }

    public record EscalationRequest(@Schema(required = true) @Size(max = Limits.CODE) String stage,
                                    @Schema(required = true) @Size(max = Limits.TEXT) String reason) {
    }

    @POST
    @Path("{id}/escalation")
    @WithTransaction
    @Operation(operationId = "escalateCase", summary = "Pass a case in default on to an external stage: stage EXTERNAL_COLLECTION or LEGAL "
            + "(supervisors only), with a reason",
            description = "Only a case in default: its plan DELINQUENT or BROKEN, or OPEN/NEGOTIATING with no plan "
                    + "agreed 30 days after it opened; never a held, kept, closed or escalated one (409 "
                    + "not-escalable, saying why). The case becomes ESCALATED: no ageing, reminders, offers or "
                    + "payments through Shortfall; the debtor is told once and the lender's contact stops.")
    public Uni<DebtCaseView> escalate(@PathParam("id") UUID id, @Valid EscalationRequest body) {
        EscalationRequest request = body == null ? new EscalationRequest(null, null) : body;
        return existing(id).chain(c -> escalations.escalate(c, request.stage(), request.reason(), caller.id(),
                caller.is(Roles.SUPERVISOR)).chain(() -> views.view(c)));
    }

    @DELETE
    @Path("{id}/escalation")
    @WithTransaction
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "recallCase", summary = "Take an escalated case back (supervisors): it returns to the status it had")
    public Uni<DebtCaseView> recall(@PathParam("id") UUID id) {
        return existing(id).chain(c -> escalations.recall(c, caller.id()).chain(() -> views.view(c)));
    }

    @POST
    @Path("{id}/pledges/{pledgeId}/acceptance")
    @WithTransaction
    @Operation(operationId = "acceptPledge", summary = "Accept the debtor's pledge: it secures the case until it is settled, and is sold if the plan breaks",
            description = "Only an OFFERED pledge (409 pledge-accept otherwise) of a case not closed (409 case-closed).")
    public Uni<PledgeView> acceptPledge(@PathParam("id") UUID id, @PathParam("pledgeId") UUID pledgeId) {
        return existing(id).chain(c -> pledges.accept(c, pledgeId, caller.id())).map(PledgeView::of);
    }

    @POST
    @Path("{id}/pledges/{pledgeId}/decline")
    @WithTransaction
    @Operation(operationId = "declinePledge", summary = "Decline the debtor's pledge, with a reason: it goes back to their reserve",
            description = "Only an OFFERED pledge (409 pledge-decline otherwise).")
    public Uni<PledgeView> declinePledge(@PathParam("id") UUID id, @PathParam("pledgeId") UUID pledgeId,
                                         @Valid ReasonRequest body) {
        return existing(id).chain(c -> pledges.decline(c, pledgeId, caller.id(), body == null ? null : body.reason()))
                .map(PledgeView::of);
    }

    private Uni<DebtCase> existing(UUID id) {
        return cases.findById(id).invoke(c -> {
            if (c == null) {
                throw Problems.notFound("debt case", id);
            }
        });
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "query", "one of " + java.util.Arrays.toString(CaseStatus.values()));
        }
    }
}
