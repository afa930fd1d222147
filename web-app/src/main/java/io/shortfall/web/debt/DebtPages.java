package io.shortfall.web.debt;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.DebtSummaryView;
import io.shortfall.client.debt.model.MessageRequest;
import io.shortfall.client.debt.model.MessageView;
import io.shortfall.client.debt.model.OfferView;
import io.shortfall.client.debt.model.ReasonRequest;
import io.shortfall.client.debt.model.ProposalRequest;
import io.shortfall.client.debt.model.ScheduledInstallment;
import io.shortfall.client.debt.model.PaymentRequest;
import io.shortfall.client.loan.model.Balance;
import io.shortfall.client.loan.model.PledgeRequest;
import io.shortfall.events.MoneyJson;
import io.shortfall.web.backend.Backends;
import io.shortfall.web.backend.Bearer;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;
import io.shortfall.web.pages.AppMessages;
import io.shortfall.web.pages.Forms;
import io.shortfall.web.pages.Language;
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
import org.jboss.resteasy.reactive.RestForm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DebtSummaryView> debts);

        static native TemplateInstance detail(DebtCaseView debt, DebtView view, PaymentFormView pay,
                                              PlanProposal proposal, Conversation conversation, String notice,
                                              String problem, OfferView countered, List<Balance> reserves,
                                              PledgeFormView pledge);

        static native TemplateInstance detail$schedule(PlanProposal proposal);
    }

    /** The payment form as shown: the amount proposed or typed, its key, and what was wrong with it. */
    public record PaymentFormView(String amount, String idempotencyKey, String error) {
    }

    /** The pledge form as shown: the reserve chosen and the quantity typed, its key, and what was wrong with it. */
    public record PledgeFormView(String asset, String quantity, String idempotencyKey, String error) {

        static PledgeFormView fresh() {
            return new PledgeFormView(null, "", UUID.randomUUID().toString(), null);
        }
    }

    @Inject
    Backends backends;

    @Inject
    Bearer bearer;

    @Inject
    Language language;

    /** The page's words in its language. */
    private DebtMessages words() {
        return language.messages(DebtMessages.class);
    }

    /** What the page says after an action, by the {@code done} parameter of the redirect that follows it. */
    private String notice(String done) {
        if (done == null) {
            return null;
        }
        DebtMessages words = words();
        return switch (done) {
            case "accepted" -> words.noticeAccepted();
            case "paid" -> words.noticePaid();
            case "message" -> words.noticeMessage();
            case "plan" -> words.noticePlan();
            case "proposed" -> words.noticeProposed();
            case "declined" -> words.noticeDeclined();
            case "pledged" -> words.noticePledged();
            default -> null;
        };
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(Call.of(() -> backends.debts().listDebts(0, PAGE, bearer.headers())));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("done") String done,
                                   @QueryParam("counter") String counter) {
        UUID counterOf = counter == null ? null : NotFound.uuid(counter);
        return page(NotFound.uuid(id), null, null, Conversation::of, notice(done), null, counterOf);
    }

    /** The schedule the debtor's own plan would make, as they type it (htmx); nothing is proposed. */
    @POST
    @Path("{id}/proposals/preview")
    public TemplateInstance previewProposal(@PathParam("id") String id, @BeanParam ProposalForm form) {
        UUID caseId = NotFound.uuid(id);
        Map<String, String> errors = new LinkedHashMap<>();
        DebtMessages words = words();
        ProposalRequest proposal = proposal(form, errors, words);
        String currency = form.currency;
        if (proposal.getInstallments() == null || !errors.isEmpty()) {
            String note = errors.isEmpty() ? words.askInstallments() : String.join(" ", errors.values());
            return Templates.detail$schedule(new PlanProposal(form.installments, form.firstDueDate, errors,
                    List.of(), note, currency));
        }
        try {
            List<ScheduledInstallment> schedule = Call.of(() -> backends.debts().previewOffer(caseId, proposal,
                    bearer.headers()));
            return Templates.detail$schedule(new PlanProposal(form.installments, form.firstDueDate, errors, schedule,
                    null, currency));
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            return Templates.detail$schedule(new PlanProposal(form.installments, form.firstDueDate, e.fields(),
                    List.of(), e.fields().isEmpty() ? e.message() : String.join(" ", e.fields().values()), currency));
        }
    }

    /**
     * The debtor's own plan: one inside the limits starts at once, another waits for an agent's answer; what was
     * wrong shown next to its field.
     */
    @POST
    @Path("{id}/proposals")
    public Response propose(@PathParam("id") String id, @BeanParam ProposalForm form) {
        UUID caseId = NotFound.uuid(id);
        Map<String, String> errors = new LinkedHashMap<>();
        DebtMessages words = words();
        ProposalRequest proposal = proposal(form, errors, words);
        String problem = null;
        if (errors.isEmpty()) {
            try {
                OfferView offer = Call.of(() -> backends.debts().proposeOffer(caseId, proposal, bearer.headers()));
                return Response.seeOther(URI.create("/debts/" + caseId + "?done="
                        + ("ACCEPTED".equals(offer.getStatus()) ? "plan" : "proposed"))).build();
            } catch (ServiceRefused e) {
                if (!e.aboutTheForm()) {
                    throw e;
                }
                errors.putAll(e.fieldsAs(PROPOSAL_FIELDS));
                problem = e.beyond(PROPOSAL_FIELDS.keySet());
            }
        }
        PlanProposal shown = new PlanProposal(form.installments, form.firstDueDate, errors, List.of(),
                words.askInstallments(), form.currency);
        UUID counterOf = proposal.getCounterOf();
        return Response.status(422).entity(page(caseId, null, shown, Conversation::of, null, problem, counterOf))
                .build();
    }

    /** The fields of the debtor's plan form: the service's name for each, and the form's (the same). */
    private static final Map<String, String> PROPOSAL_FIELDS = Map.of("installments", "installments",
            "firstDueDate", "firstDueDate");

    /** The form as a proposal of monthly installments; what cannot be read, as errors by field (in {@code words}). */
    private static ProposalRequest proposal(ProposalForm form, Map<String, String> errors, DebtMessages words) {
        return new ProposalRequest().kind("INSTALLMENTS").frequency("MONTHLY")
                .installments(Forms.parse(form.installments, "installments", errors, Integer::valueOf,
                        words.installmentsInvalid()))
                .firstDueDate(Forms.parse(form.firstDueDate, "firstDueDate", errors, LocalDate::parse,
                        words.firstDueDateInvalid()))
                .counterOf(Forms.parse(form.counterOf, "counterOf", errors, UUID::fromString,
                        words.counterOfInvalid()));
    }

    /** A message to the agents working the case. */
    @POST
    @Path("{id}/messages")
    public Response write(@PathParam("id") String id, @RestForm String text) {
        UUID caseId = NotFound.uuid(id);
        return Conversation.send(text, () -> backends.debts().sendDebtMessage(caseId,
                        new MessageRequest().text(text), bearer.headers()))
                .map(refused -> Response.status(422).entity(page(caseId, null, null, refused, null, null)).build())
                .orElseGet(() -> Response.seeOther(URI.create("/debts/" + caseId + "?done=message#messages-h"))
                        .build());
    }

    /** The statement of the case (receipt, schedule, payments, balance) to keep: PDF or CSV, as a download. */
    @GET
    @Path("{id}/statement.{format: csv|pdf}")
    @Produces({"application/pdf", "text/csv"})
    public Response statement(@PathParam("id") String id, @PathParam("format") String format) {
        UUID caseId = NotFound.uuid(id);
        File file = Call.of(() -> backends.debts().getStatement(caseId, format, bearer.headers()));
        byte[] statement;
        try {
            statement = Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.delete();
        }
        return Response.ok(statement, "pdf".equals(format) ? "application/pdf" : "text/csv")
                .header("Content-Disposition", "attachment; filename=\"shortfall-statement-" + caseId + "." + format
                        + "\"").build();
    }

    /** The payment form as first shown: the next installment, or all that is owed. */
    private PaymentFormView proposedPayment(DebtCaseView debt) {
        BigDecimal next = new DebtView(debt).nextPayment();
        return new PaymentFormView(next == null ? "" : language.typedAs(next.toPlainString()),
                UUID.randomUUID().toString(), null);
    }

    private List<MessageView> messages(UUID caseId) {
        return Call.of(() -> backends.debts().listDebtMessages(caseId, bearer.headers()));
    }

    /** An agent's offer, declined with the reason the agent then reads. */
    @POST
    @Path("{id}/offers/{offerId}/decline")
    public Response decline(@PathParam("id") String id, @PathParam("offerId") String offerId,
                            @RestForm String reason) {
        UUID caseId = NotFound.uuid(id);
        UUID offer = NotFound.uuid(offerId);
        try {
            Call.of(() -> backends.debts().rejectOffer(caseId, offer,
                    new ReasonRequest().reason(Forms.blankToNull(reason)), bearer.headers()));
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            return refused(422, caseId, null, e.fields().getOrDefault("reason", e.message()));
        }
        return Response.seeOther(URI.create("/debts/" + caseId + "?done=declined")).build();
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
        java.util.Optional<BigDecimal> typed = MoneyJson.plainDecimal(language.plainNumber(form.amount));
        if (typed.isEmpty()) {
            return refused(422, caseId, new PaymentFormView(form.amount, form.idempotencyKey,
                    words().amountInvalid()), null);
        }
        BigDecimal amount = typed.get();
        try {
            Call.of(() -> backends.debts().payDebt(caseId, new PaymentRequest().amount(amount), form.idempotencyKey,
                    bearer.headers()));
        } catch (ServiceRefused e) {
            if (e.unavailable()) {
                // Perhaps paid, perhaps not: the same form, with the same idempotency key, pays at most once.
                return refused(503, caseId, new PaymentFormView(form.amount, form.idempotencyKey, null),
                        language.messages(AppMessages.class).unconfirmed());
            }
            if (!e.aboutTheForm()) {
                throw e;
            }
            String beyond = e.beyond(Set.of("amount"));
            return refused(422, caseId, new PaymentFormView(form.amount, form.idempotencyKey,
                    e.fields().get("amount")), e.fields().containsKey("amount") ? beyond : e.message());
        }
        return Response.seeOther(URI.create("/debts/" + caseId + "?done=paid")).build();
    }

    /**
     * Collateral from one of the debtor's reserves pledged to secure the case (loan-service holds it; an agent
     * accepts or declines it). The form's key makes a double submit one pledge.
     */
    @POST
    @Path("{id}/pledges")
    public Response pledge(@PathParam("id") String id, @RestForm String asset, @RestForm String quantity,
                           @RestForm String idempotencyKey) {
        UUID caseId = NotFound.uuid(id);
        java.util.Optional<BigDecimal> typed = MoneyJson.plainDecimal(language.plainNumber(quantity));
        if (typed.isEmpty()) {
            return pledgeRefused(422, caseId, new PledgeFormView(asset, quantity, idempotencyKey,
                    words().quantityInvalid()), null);
        }
        try {
            Call.of(() -> backends.pledges().pledgeCollateral(new PledgeRequest().caseId(caseId).asset(asset)
                    .quantity(typed.get()), idempotencyKey, bearer.headers()));
        } catch (ServiceRefused e) {
            if (e.unavailable()) {
                return pledgeRefused(503, caseId, new PledgeFormView(asset, quantity, idempotencyKey, null),
                        language.messages(AppMessages.class).unconfirmed());
            }
            if (!e.aboutTheForm()) {
                throw e;
            }
            return pledgeRefused(422, caseId, new PledgeFormView(asset, quantity, idempotencyKey,
                    e.fields().get("quantity")), e.fields().containsKey("quantity") ? e.beyond(Set.of("quantity"))
                    : e.message());
        }
        return Response.seeOther(URI.create("/debts/" + caseId + "?done=pledged#pledges-h")).build();
    }

    private Response pledgeRefused(int status, UUID caseId, PledgeFormView pledge, String problem) {
        return Response.status(status).entity(page(caseId, null, null, Conversation::of, null, problem, null, pledge))
                .build();
    }

    private Response refused(int status, UUID caseId, PaymentFormView pay, String problem) {
        return Response.status(status).entity(page(caseId, pay, null, Conversation::of, null, problem)).build();
    }

    /** The case page; the payment form and the plan form fresh where not given. */
    private TemplateInstance page(UUID caseId, PaymentFormView pay, PlanProposal proposal,
                                  Function<List<MessageView>, Conversation> conversation, String notice,
                                  String problem) {
        return page(caseId, pay, proposal, conversation, notice, problem, null);
    }

    private TemplateInstance page(UUID caseId, PaymentFormView pay, PlanProposal proposal,
                                  Function<List<MessageView>, Conversation> conversation, String notice,
                                  String problem, UUID counterOf) {
        return page(caseId, pay, proposal, conversation, notice, problem, counterOf, null);
    }

    /**
     * The case page, its plan form answering the agent's offer {@code counterOf} when that is one still open; the
     * pledge form offers the debtor's reserves that hold something.
     */
    private TemplateInstance page(UUID caseId, PaymentFormView pay, PlanProposal proposal,
                                  Function<List<MessageView>, Conversation> conversation, String notice,
                                  String problem, UUID counterOf, PledgeFormView pledge) {
        DebtCaseView debt = load(caseId);
        DebtView view = new DebtView(debt);
        OfferView countered = counterOf == null ? null : view.agentOffers().stream()
                .filter(o -> o.getId().equals(counterOf)).findFirst().orElse(null);
        return Templates.detail(debt, view, pay == null ? proposedPayment(debt) : pay,
                proposal == null ? PlanProposal.blank(debt.getCurrency(), words().askInstallments()) : proposal,
                conversation.apply(messages(caseId)), notice, problem, countered,
                view.mayPledge() ? reserves() : List.of(), pledge == null ? PledgeFormView.fresh() : pledge);
    }

    private List<Balance> reserves() {
        return Call.of(() -> backends.reserves().listReserves(bearer.headers())).stream()
                .filter(r -> r.getBalance() != null && r.getBalance().signum() > 0).toList();
    }

    private DebtCaseView load(UUID id) {
        return Call.of(() -> backends.debts().getDebt(id, bearer.headers()));
    }
}
