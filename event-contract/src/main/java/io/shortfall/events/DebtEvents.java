package io.shortfall.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code debt.events}, produced by debt-collection-service, keyed by case id.
 * {@code debtorId} is on every event, so notification-service can reach the
 * debtor without a projection of its own.
 */
public final class DebtEvents {

    public record ScheduledInstallment(int n, LocalDate dueDate, BigDecimal amount) {
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
                             BigDecimal amount, String note) {
    }

    public record DebtCaseOpened(UUID caseId, String debtorId, BigDecimal amount, String currency, UUID liquidationId,
                                 UUID loanId, List<LadderOffer> offers) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * An offer the debtor may answer. {@code schedule} (added later, nullable: absent from older events) is the
     * offer's exact schedule, so the debtor is told each payment rather than the total.
     */
    public record OfferMade(UUID caseId, String debtorId, UUID offerId, String by, String kind, OfferTerms terms,
                            List<ScheduledInstallment> schedule)
            implements EventPayload {
        /** An offer made without its schedule (as before the schedule was added). */
        public OfferMade(UUID caseId, String debtorId, UUID offerId, String by, String kind, OfferTerms terms) {
            this(caseId, debtorId, offerId, by, kind, terms, null);
        }

        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record OfferAccepted(UUID caseId, String debtorId, UUID offerId, String by) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record OfferRejected(UUID caseId, String debtorId, UUID offerId, String by) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record PlanStarted(UUID caseId, String debtorId, UUID planId, List<ScheduledInstallment> schedule)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record InstallmentDueSoon(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                     int daysPastDue) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record InstallmentDue(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                 int daysPastDue) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record InstallmentOverdue(UUID caseId, String debtorId, int n, LocalDate dueDate, BigDecimal amount,
                                     int daysPastDue) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record PaymentReceived(UUID caseId, String debtorId, UUID paymentId, BigDecimal amount,
                                  BigDecimal outstanding) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * A payment from the debtor's USDT balance ({@code LoanEvents.DebtPaidFromBalance} {@code balancePaymentId}) was
     * applied to the case as payment {@code paymentId} (its {@code PaymentReceived} follows).
     */
    public record BalancePaymentApplied(UUID caseId, String debtorId, UUID balancePaymentId, UUID paymentId,
                                        BigDecimal amount) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * A payment from the debtor's USDT balance could not be applied ({@code reason}: no such case of theirs, no plan
     * running, more than is owed): loan-service gives it back to the balance.
     */
    public record BalancePaymentReturned(UUID caseId, String debtorId, UUID balancePaymentId, BigDecimal amount,
                                         String reason) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record PaymentReversed(UUID caseId, String debtorId, UUID paymentId, BigDecimal amount,
                                  BigDecimal outstanding, String reason) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record PlanBroken(UUID caseId, String debtorId, UUID planId, String reason) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record DebtSettled(UUID caseId, String debtorId, BigDecimal paid, BigDecimal discount)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record DebtWrittenOff(UUID caseId, String debtorId, BigDecimal amount, String approvedBy)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record CaseHeld(UUID caseId, String debtorId, String hold) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    public record CaseReleased(UUID caseId, String debtorId) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * The case was passed on to an external stage ({@code stage}: {@code EXTERNAL_COLLECTION} or {@code LEGAL}) by
     * {@code by} for {@code reason}: the lender's own contact about it stops (the debtor is told once, by this).
     */
    public record CaseEscalated(UUID caseId, String debtorId, String stage, String reason, String by,
                                BigDecimal outstanding) implements EventPayload {
        public static final String EXTERNAL_COLLECTION = "EXTERNAL_COLLECTION";
        public static final String LEGAL = "LEGAL";

        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /** The case was taken back from its external stage: the lender collects it again. */
    public record CaseRecalled(UUID caseId, String debtorId, String by) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /** An agent accepted the debtor's pledge: it secures the case until its plan completes, and is sold on default. */
    public record PledgeAccepted(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                 String by) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * The pledge goes back to the debtor's reserve ({@code reason}: declined by an agent, the case settled or written
     * off, not a case of theirs): loan-service returns it.
     */
    public record PledgeReleased(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                 String reason) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /** The plan the pledge secured broke: loan-service hands the pledge over to be sold ({@code reason} the plan's). */
    public record PledgeForfeited(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                  String reason) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    /**
     * The sale of a forfeited pledge was applied to the case: {@code proceeds} = {@code applied} (off what was owed,
     * leaving {@code outstanding}) + {@code returned} (to the debtor's USDT balance, credited by loan-service).
     */
    public record PledgeProceedsApplied(UUID caseId, String debtorId, UUID pledgeId, String asset, BigDecimal quantity,
                                        BigDecimal price, BigDecimal proceeds, BigDecimal applied,
                                        BigDecimal returned, BigDecimal outstanding) implements EventPayload {
        @Override
        public String aggregateId() {
            return caseId.toString();
        }
    }

    private DebtEvents() {
    }
}
