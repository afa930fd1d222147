package io.shortfall.web.agent;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.debt.model.AssignRequest;
import io.shortfall.client.debt.model.ContactRequest;
import io.shortfall.client.debt.model.ContactView;
import io.shortfall.client.debt.model.EscalationRequest;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.HoldRequest;
import io.shortfall.client.debt.model.MessageRequest;
import io.shortfall.client.debt.model.MessageView;
import io.shortfall.client.debt.model.PromiseRequest;
import io.shortfall.client.debt.model.PromiseView;
import io.shortfall.client.debt.model.ProposalRequest;
import io.shortfall.client.debt.model.QueueItem;
import io.shortfall.client.debt.model.ReasonRequest;
import io.shortfall.events.MoneyJson;
import io.shortfall.web.backend.BackendCalls;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.debt.Conversation;
import io.shortfall.web.pages.Forms;
import io.shortfall.web.pages.Language;
import io.shortfall.web.pages.NotFound;
import io.shortfall.web.pages.Viewer;
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
import org.jboss.resteasy.reactive.RestForm;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agent console: the queue by priority with its filters, and a case file where the agent claims the case, logs
 * contacts with the debtor and makes offers (a settlement over the agent's limit waits for a supervisor).
 */
@Path("/agent")
@RolesAllowed({"agent", "supervisor"})
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AgentPages {

    private static final int PAGE = 50;
    static final List<String> BUCKETS = List.of("1-30", "31-60", "61-90", "91-120", "120+");
    static final List<String> STATUSES = List.of("OPEN", "NEGOTIATING", "IN_PLAN", "DELINQUENT", "BROKEN", "DISPUTED",
            "HARDSHIP", "ESCALATED", "SETTLED", "WRITTEN_OFF");
    /** The fields each of the case file's forms shows a message next to (as {@code form.field}), by form. */
    private static final Map<String, Set<String>> FORM_FIELDS = Map.of(
            "offer", Set.of("amount", "installments", "firstDueDate"),
            "contact", Set.of("channel", "outcome"),
            "promise", Set.of("amount", "dueDate"),
            "hold", Set.of("hold", "reason"),
            "writeOff", Set.of("reason"),
            "escalation", Set.of("stage", "reason"));

    static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "SMS", "LETTER", "CHAT", "IN_PERSON");

    /** What the case file says after an action, by the action's {@code ?done=}, in the page's language. */
    private static final Map<String, Function<AgentMessages, String>> NOTICES = Map.ofEntries(
            Map.entry("assigned", AgentMessages::noticeAssigned),
            Map.entry("contact", AgentMessages::noticeContact),
            Map.entry("offer", AgentMessages::noticeOffer),
            Map.entry("replied", AgentMessages::noticeReplied),
            Map.entry("promise", AgentMessages::noticePromise),
            Map.entry("held", AgentMessages::noticeHeld),
            Map.entry("released", AgentMessages::noticeReleased),
            Map.entry("write-off", AgentMessages::noticeWriteOff),
            Map.entry("accepted", AgentMessages::noticeAccepted),
            Map.entry("declined", AgentMessages::noticeDeclined),
            Map.entry("offer-awaiting", AgentMessages::noticeOfferAwaiting),
            Map.entry("reversed", AgentMessages::noticeReversed),
            Map.entry("pledge-accepted", AgentMessages::noticePledgeAccepted),
            Map.entry("pledge-declined", AgentMessages::noticePledgeDeclined),
            Map.entry("escalated", AgentMessages::noticeEscalated),
            Map.entry("recalled", AgentMessages::noticeRecalled));

    /** The queue's filters as the agent set them. */
    public record QueueFilter(String bucket, String status, boolean mine) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<QueueItem> cases, QueueFilter filter, List<String> buckets,
                                             List<String> statuses);

        static native TemplateInstance caseFile(DebtCaseView debt, String counterOf, List<ContactView> contacts,
                                                List<String> channels, List<PromiseView> promises,
                                                Conversation conversation, String notice,
                                                Map<String, String> errors, Map<String, String> typed,
                                                String problem);
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Viewer viewer;

    @Inject
    Language language;

    @Inject
    BackendCalls calls;

    @GET
    public TemplateInstance queue(@QueryParam("bucket") String bucket, @QueryParam("status") String status,
                                  @QueryParam("mine") boolean mine) {
        QueueFilter filter = new QueueFilter(oneOf(BUCKETS, bucket), oneOf(STATUSES, status), mine);
        List<QueueItem> cases = Call.of(() -> backends.casework().listCaseQueue(mine ? viewer.subject() : null,
                filter.bucket(), 0, PAGE, filter.status(), bearer.headers()));
        return Templates.queue(cases, filter, BUCKETS, STATUSES);
    }

    @GET
    @Path("cases/{id}")
    public TemplateInstance caseFile(@PathParam("id") String id, @QueryParam("done") String done,
                                     @QueryParam("counter") String counter) {
        UUID counterOf = counter == null ? null : NotFound.uuid(counter);
        Function<AgentMessages, String> notice = done == null ? null : NOTICES.get(done);
        return page(NotFound.uuid(id), counterOf, notice == null ? null : notice.apply(messages()), Map.of(),
                Map.of(), null, Conversation::of);
    }

    /** The debtor's own plan, accepted: it starts. */
    @POST
    @Path("cases/{id}/offers/{offerId}/accept")
    public Response acceptPlan(@PathParam("id") String id, @PathParam("offerId") String offerId) {
        UUID caseId = NotFound.uuid(id);
        UUID offer = NotFound.uuid(offerId);
        return act(caseId, "answer", () -> backends.debts().acceptOffer(caseId, offer, bearer.headers()),
                accepted -> "accepted", Map.of());
    }

    /** The debtor's own plan, declined, with the reason the debtor reads. */
    @POST
    @Path("cases/{id}/offers/{offerId}/reject")
    public Response declinePlan(@PathParam("id") String id, @PathParam("offerId") String offerId,
                                @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        UUID offer = NotFound.uuid(offerId);
        return act(caseId, "answer", () -> backends.debts().rejectOffer(caseId, offer,
                new ReasonRequest().reason(Forms.blankToNull(reason)), bearer.headers()), declined -> "declined",
                Map.of());
    }

    @POST
    @Path("cases/{id}/assign")
    public Response claim(@PathParam("id") String id) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "assign", () -> backends.casework().assignCase(caseId, new AssignRequest(),
                bearer.headers()), assigned -> "assigned", Map.of());
    }

    @POST
    @Path("cases/{id}/contacts")
    public Response logContact(@PathParam("id") String id, @BeanParam ContactForm form) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "contact", () -> backends.casework().logContact(caseId, new ContactRequest()
                .channel(form.channel).outcome(Forms.blankToNull(form.outcome)).note(Forms.blankToNull(form.note)),
                bearer.headers()), logged -> "contact", Forms.typed("contact", "channel", form.channel, "outcome",
                form.outcome, "note", form.note));
    }

    @POST
    @Path("cases/{id}/offers")
    public Response makeOffer(@PathParam("id") String id, @BeanParam OfferForm form) {
        UUID caseId = NotFound.uuid(id);
        AgentMessages says = messages();
        Map<String, String> errors = new LinkedHashMap<>();
        ProposalRequest proposal = new ProposalRequest()
                .kind(form.kind)
                .amount(Forms.parse(language.plainNumber(form.amount), "offer.amount", errors,
                        AgentPages::plainDecimal, says.offerAmountInvalid()))
                .installments(Forms.parse(form.installments, "offer.installments", errors, Integer::valueOf,
                        says.installmentsInvalid()))
                .firstDueDate(Forms.parse(form.firstDueDate, "offer.firstDueDate", errors, LocalDate::parse,
                        says.dateInvalid()))
                .note(Forms.blankToNull(form.note))
                .counterOf(Forms.parse(form.counterOf, "offer.counterOf", errors, UUID::fromString,
                        says.counterOfInvalid()));
        Map<String, String> typed = Forms.typed("offer", "kind", form.kind, "amount", form.amount, "installments",
                form.installments, "firstDueDate", form.firstDueDate, "note", form.note);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(page(caseId, null, errors, typed, null)).build();
        }
        return act(caseId, "offer", () -> backends.debts().proposeOffer(caseId, proposal, bearer.headers()),
                offer -> "AWAITING_APPROVAL".equals(offer.getStatus()) ? "offer-awaiting" : "offer", typed);
    }

    /** A reply to the debtor's messages, on the case's conversation. */
    @POST
    @Path("cases/{id}/messages")
    public Response reply(@PathParam("id") String id, @RestForm String text) {
        UUID caseId = NotFound.uuid(id);
        return Conversation.send(text, () -> backends.casework().replyToDebtor(caseId,
                        new MessageRequest().text(text), bearer.headers()))
                .map(refused -> Response.status(422).entity(page(caseId, null, Map.of(), Map.of(), null, refused))
                        .build())
                .orElseGet(() -> Response.seeOther(URI.create("/agent/cases/" + caseId + "?done=replied#messages-h"))
                        .build());
    }

    /** A promise to pay, recorded for the debtor: payments are matched against it. */
    @POST
    @Path("cases/{id}/promises")
    public Response promise(@PathParam("id") String id, @RestForm String amount, @RestForm String dueDate) {
        UUID caseId = NotFound.uuid(id);
        AgentMessages says = messages();
        Map<String, String> errors = new LinkedHashMap<>();
        PromiseRequest promise = new PromiseRequest()
                .amount(Forms.parse(language.plainNumber(amount), "promise.amount", errors,
                        AgentPages::plainDecimal, says.promiseAmountInvalid()))
                .dueDate(Forms.parse(dueDate, "promise.dueDate", errors, LocalDate::parse, says.dateInvalid()));
        Map<String, String> typed = Forms.typed("promise", "amount", amount, "dueDate", dueDate);
        if (!errors.isEmpty()) {
            return Response.status(422).entity(page(caseId, null, errors, typed, null)).build();
        }
        return act(caseId, "promise", () -> backends.casework().recordPromise(caseId, promise, bearer.headers()),
                recorded -> "promise", typed);
    }

    /** The case held (disputed, or the debtor in hardship): ageing and reminders pause. */
    @POST
    @Path("cases/{id}/holds")
    public Response hold(@PathParam("id") String id, @RestForm String hold, @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "hold", () -> backends.debts().holdDebt(caseId, new HoldRequest().hold(hold)
                .reason(Forms.blankToNull(reason)), bearer.headers()), held -> "held",
                Forms.typed("hold", "hold", hold, "reason", reason));
    }

    @POST
    @Path("cases/{id}/holds/release")
    public Response release(@PathParam("id") String id) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "release", () -> backends.debts().releaseHold(caseId, bearer.headers()),
                released -> "released", Map.of());
    }

    /** A write-off, which a supervisor decides (never the one who asked). */
    @POST
    @Path("cases/{id}/write-off")
    public Response writeOff(@PathParam("id") String id, @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "writeOff", () -> backends.casework().requestWriteOff(caseId,
                new ReasonRequest().reason(Forms.blankToNull(reason)), bearer.headers()), requested -> "write-off",
                Forms.typed("writeOff", "reason", reason));
    }

    /** A payment reversed (a chargeback, a bounced transfer): the plan's other payments are replayed in order. */
    @POST
    @Path("cases/{id}/payments/{paymentId}/reversal")
    public Response reversePayment(@PathParam("id") String id, @PathParam("paymentId") String paymentId,
                                   @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        UUID payment = NotFound.uuid(paymentId);
        return act(caseId, "reversal", () -> backends.casework().reversePayment(caseId, payment,
                new ReasonRequest().reason(Forms.blankToNull(reason)), bearer.headers()), reversed -> "reversed",
                Map.of());
    }

    /** The debtor's pledge accepted: it secures the case until it is settled. */
    @POST
    @Path("cases/{id}/pledges/{pledgeId}/accept")
    public Response acceptPledge(@PathParam("id") String id, @PathParam("pledgeId") String pledgeId) {
        UUID caseId = NotFound.uuid(id);
        UUID pledge = NotFound.uuid(pledgeId);
        return act(caseId, "pledge", () -> backends.casework().acceptPledge(caseId, pledge, bearer.headers()),
                accepted -> "pledge-accepted", Map.of());
    }

    /** The debtor's pledge declined, with the reason they read: it goes back to their reserve. */
    @POST
    @Path("cases/{id}/pledges/{pledgeId}/decline")
    public Response declinePledge(@PathParam("id") String id, @PathParam("pledgeId") String pledgeId,
                                  @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        UUID pledge = NotFound.uuid(pledgeId);
        return act(caseId, "pledge", () -> backends.casework().declinePledge(caseId, pledge,
                new ReasonRequest().reason(Forms.blankToNull(reason)), bearer.headers()),
                declined -> "pledge-declined", Map.of());
    }

    /** The case passed on to an external collection agency, or (supervisors) to legal proceedings. */
    @POST
    @Path("cases/{id}/escalation")
    public Response escalate(@PathParam("id") String id, @RestForm String stage, @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "escalation", () -> backends.casework().escalateCase(caseId, new EscalationRequest()
                .stage(stage).reason(Forms.blankToNull(reason)), bearer.headers()), escalated -> "escalated",
                Forms.typed("escalation", "stage", stage, "reason", reason));
    }

    /** An escalated case taken back (supervisors): it returns to the status it had. */
    @POST
    @Path("cases/{id}/escalation/recall")
    public Response recall(@PathParam("id") String id) {
        UUID caseId = NotFound.uuid(id);
        return act(caseId, "recall", () -> backends.casework().recallCase(caseId, bearer.headers()),
                recalled -> "recalled", Map.of());
    }

    /**
     * Runs an action on the case, then back to the case file saying what was done (named from the action's result);
     * a refusal shown on it, each field's message next to that field of the form sent, which holds what was typed
     * ({@code typed}, by {@code form.field}).
     */
    private <T> Response act(UUID caseId, String form, Call.ClientCall<T> action, Function<T, String> done,
                             Map<String, String> typed) {
        T result;
        try {
            result = Call.of(action);
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            Set<String> shown = FORM_FIELDS.getOrDefault(form, Set.of());
            Map<String, String> errors = e.fieldsAs(shown.stream()
                    .collect(Collectors.toMap(field -> field, field -> form + "." + field)));
            return Response.status(422).entity(page(caseId, null, errors, typed, e.beyond(shown))).build();
        }
        return Response.seeOther(URI.create("/agent/cases/" + caseId + "?done=" + done.apply(result))).build();
    }

    private TemplateInstance page(UUID caseId, String notice, Map<String, String> errors, Map<String, String> typed,
                                  String problem) {
        return page(caseId, null, notice, errors, typed, problem, Conversation::of);
    }

    private TemplateInstance page(UUID caseId, String notice, Map<String, String> errors, Map<String, String> typed,
                                  String problem, Function<List<MessageView>, Conversation> conversation) {
        return page(caseId, null, notice, errors, typed, problem, conversation);
    }

    /** The case file; {@code counterOf}, the debtor's plan the offer form answers, if any. */
    private TemplateInstance page(UUID caseId, UUID counterOf, String notice, Map<String, String> errors,
                                  Map<String, String> typed, String problem,
                                  Function<List<MessageView>, Conversation> conversation) {
        Map<String, String> token = bearer.headers();
        var debt = calls.start(() -> backends.debts().getDebt(caseId, token));
        var contacts = calls.start(() -> backends.casework().listContacts(caseId, token));
        var promises = calls.start(() -> backends.casework().listPromises(caseId, token));
        var messages = calls.start(() -> backends.debts().listDebtMessages(caseId, token));
        return Templates.caseFile(Call.answer(debt), counterOf == null ? null : counterOf.toString(),
                Call.answer(contacts), CHANNELS, Call.answer(promises), conversation.apply(Call.answer(messages)),
                notice, errors, typed, problem);
    }

    /** The words of these pages in the page's language. */
    private AgentMessages messages() {
        return language.messages(AgentMessages.class);
    }

    /** The value when it is one of these (a filter from a URL someone typed), otherwise none. */
    private static String oneOf(List<String> known, String value) {
        return value != null && known.contains(value) ? value : null;
    }

    private static BigDecimal plainDecimal(String text) {
        return MoneyJson.plainDecimal(text).orElseThrow(() -> new IllegalArgumentException("not a plain decimal"));
    }

}
