package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code debt.events}, produced by debt-collection-service, keyed by case id.
 * {@code debtorId} is on every event, so notification-service can reach the
 * debtor without a projection of its own.
 */
public sealed interface DebtEvents extends EventPayload {

    public record ScheduledInstallment(int n, @NotNull LocalDate dueDate, @NotNull BigDecimal amount) {
    }

    /**
     * One rung of the self-serve ladder: {@code PAY_IN_FULL} (one payment due by {@code dueBy}) or
     * {@code INSTALLMENTS} (monthly), with its exact schedule.
     */
    public record LadderOffer(String kind, int installments, BigDecimal total,
                              List<ScheduledInstallment> schedule) {
        public static final String PAY_IN_FULL = "PAY_IN_FULL";
        public static final String INSTALLMENTS = "INSTALLMENTS";
    }

    public record OfferTerms(Integer installments, String frequency, LocalDate firstDueDate, BigDecimal downPayment,
                             @NotNull BigDecimal amount, String note) {
    }

    @JsonTypeName("DebtCaseOpened")
    public record DebtCaseOpened(UUID caseId, String debtorId, BigDecimal amount, String currency, UUID liquidationId,
                                 UUID loanId, List<LadderOffer> offers) implements DebtEvents, KeyedByCase {
    }

    /**
     * An offer the debtor may answer. {@code schedule} (added later, nullable: absent from older events) is the
     * offer's exact schedule, so the debtor is told each payment rather than the total.
     */
    @JsonTypeName("OfferMade")
    public record OfferMade(UUID caseId, String debtorId, UUID offerId, String by, String kind, OfferTerms terms,
                            List<ScheduledInstallment> schedule)
            implements DebtEvents, KeyedByCase {
        /** An offer made without its schedule (as before the schedule was added). */
        public OfferMade(UUID caseId, String debtorId, UUID offerId, String by, String kind, OfferTerms terms) {
            this(caseId, debtorId, offerId, by, kind, terms, null);
        }
    }

    @JsonTypeName("OfferAccepted")
    public record OfferAccepted(UUID caseId, String debtorId, UUID offerId, String by)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("OfferRejected")
    public record OfferRejected(UUID caseId, String debtorId, UUID offerId, String by)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("PlanStarted")
    public record PlanStarted(UUID caseId, String debtorId, UUID planId, List<ScheduledInstallment> schedule)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("InstallmentDueSoon")
    public record InstallmentDueSoon(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                     int daysPastDue) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("InstallmentDue")
    public record InstallmentDue(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                 int daysPastDue) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("InstallmentOverdue")
    public record InstallmentOverdue(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                     int daysPastDue) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("PaymentReceived")
    public record PaymentReceived(UUID caseId, String debtorId, UUID paymentId, BigDecimal amount,
                                  BigDecimal outstanding) implements DebtEvents, KeyedByCase {
    }

    /**
     * A payment from the debtor's USDT balance ({@code LoanEvents.DebtPaidFromBalance} {@code balancePaymentId}) was
     * applied to the case as payment {@code paymentId} (its {@code PaymentReceived} follows).
     */
    @JsonTypeName("BalancePaymentApplied")
    public record BalancePaymentApplied(UUID caseId, String debtorId, UUID balancePaymentId, UUID paymentId,
                                        BigDecimal amount) implements DebtEvents, KeyedByCase {
    }

    /**
     * A payment from the debtor's USDT balance could not be applied ({@code reason}: no such case of theirs, no plan
     * running, more than is owed): loan-service gives it back to the balance.
     */
    @JsonTypeName("BalancePaymentReturned")
    public record BalancePaymentReturned(UUID caseId, String debtorId, UUID balancePaymentId, BigDecimal amount,
                                         String reason) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("PaymentReversed")
    public record PaymentReversed(UUID caseId, String debtorId, UUID paymentId, BigDecimal amount,
                                  BigDecimal outstanding, String reason) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("PlanBroken")
    public record PlanBroken(UUID caseId, String debtorId, UUID planId, String reason)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("DebtSettled")
    public record DebtSettled(UUID caseId, String debtorId, BigDecimal paid, BigDecimal discount)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("DebtWrittenOff")
    public record DebtWrittenOff(UUID caseId, String debtorId, BigDecimal amount, String approvedBy)
            implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("CaseHeld")
    public record CaseHeld(UUID caseId, String debtorId, String hold) implements DebtEvents, KeyedByCase {
    }

    @JsonTypeName("CaseReleased")
    public record CaseReleased(UUID caseId, String debtorId) implements DebtEvents, KeyedByCase {
    }

    /**
     * The case was passed on to an external stage ({@code stage}: {@code EXTERNAL_COLLECTION} or {@code LEGAL}) by
     * {@code by} for {@code reason}: the lender's own contact about it stops (the debtor is told once, by this).
     */
    @JsonTypeName("CaseEscalated")
    public record CaseEscalated(UUID caseId, String debtorId, String stage, String reason, String by,
                                BigDecimal outstanding) implements DebtEvents, KeyedByCase {
        public static final String EXTERNAL_COLLECTION = "EXTERNAL_COLLECTION";
        public static final String LEGAL = "LEGAL";
    }

    /** The case was taken back from its external stage: the lender collects it again. */
    @JsonTypeName("CaseRecalled")
    public record CaseRecalled(UUID caseId, String debtorId, String by) implements DebtEvents, KeyedByCase {
    }

    /** An agent accepted the debtor's pledge: it secures the case until its plan completes, and is sold on default. */
    @JsonTypeName("PledgeAccepted")
    public record PledgeAccepted(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                 String by) implements DebtEvents, KeyedByCase {
    }

    /**
     * The pledge goes back to the debtor's reserve ({@code reason}: declined by an agent, the case settled or written
     * off, not a case of theirs): loan-service returns it.
     */
    @JsonTypeName("PledgeReleased")
    public record PledgeReleased(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                 String reason) implements DebtEvents, KeyedByCase {
    }

    /** The plan the pledge secured broke: loan-service hands the pledge over to be sold ({@code reason} the plan's). */
    @JsonTypeName("PledgeForfeited")
    public record PledgeForfeited(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                  String reason) implements DebtEvents, KeyedByCase {
    }

    /**
     * The sale of a forfeited pledge was applied to the case: {@code proceeds} = {@code applied} (off what was owed,
     * leaving {@code outstanding}) + {@code returned} (to the debtor's USDT balance, credited by loan-service).
     */
    @JsonTypeName("PledgeProceedsApplied")
    public record PledgeProceedsApplied(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                        BigDecimal price, BigDecimal proceeds, BigDecimal applied,
                                        BigDecimal returned, BigDecimal outstanding)
            implements DebtEvents, KeyedByCase {
    }

    /**
     * Every type of {@code debt.events} by its wire name (see {@link LoanEvents.Type}). A consumer
     * switches over these ({@link EventEnvelope#typeIn}), naming each one: a type added here fails to compile
     * wherever it is not handled.
     */
    enum Type {
        DEBT_CASE_OPENED, OFFER_MADE, OFFER_ACCEPTED, OFFER_REJECTED, PLAN_STARTED, INSTALLMENT_DUE_SOON,
        INSTALLMENT_DUE, INSTALLMENT_OVERDUE, PAYMENT_RECEIVED, BALANCE_PAYMENT_APPLIED, BALANCE_PAYMENT_RETURNED,
        PAYMENT_REVERSED, PLAN_BROKEN, DEBT_SETTLED, DEBT_WRITTEN_OFF, CASE_HELD, CASE_RELEASED, CASE_ESCALATED,
        CASE_RECALLED, PLEDGE_ACCEPTED, PLEDGE_RELEASED, PLEDGE_FORFEITED, PLEDGE_PROCEEDS_APPLIED
    }
}
