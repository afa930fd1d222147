package io.shortfall.debt.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One debt case as its debtor and the agents see it (docs/API.md, "Debt case").
 *
 * @param timeZone    the debtor's zone: due dates are calendar dates there
 * @param daysPastDue 0 until a plan's installment is overdue
 * @param bucket      the days-past-due bucket; null while nothing is overdue
 * @param assignee    the agent working the case; null until one claims it
 * @param plan        the agreed plan; null until an offer is accepted
 * @param receipt     the liquidation's receipt; null until liquidation-service's report arrives
 * @param offers      the self-serve ladder and every offer made, oldest first
 * @param timeline    every event of the case, oldest first
 * @param escalation  the external stage the case was passed to; null unless ESCALATED
 * @param pledges     the collateral the debtor pledged to secure the case, oldest first
 */
public record DebtCaseView(
        UUID id,
        String debtorId,
        String status,
        BigDecimal amount,
        BigDecimal outstanding,
        String currency,
        UUID liquidationId,
        UUID loanId,
        Instant openedAt,
        String timeZone,
        int daysPastDue,
        String bucket,
        String assignee,
        PlanView plan,
        ReceiptView receipt,
        List<OfferView> offers,
        List<TimelineEntry> timeline,
        String hold,
        BigDecimal paid,
        BigDecimal discount,
        List<PaymentView> payments,
        Escalation escalation,
        List<PledgeView> pledges) {

    public record TimelineEntry(Instant at, String kind, String by, String text) {
    }

    /** {@code stage}: {@code EXTERNAL_COLLECTION} or {@code LEGAL}; why, who, when. */
    public record Escalation(String stage, String reason, String by, Instant at) {
    }
}
