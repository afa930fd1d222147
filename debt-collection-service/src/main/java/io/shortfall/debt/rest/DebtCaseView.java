package io.shortfall.debt.rest;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One debt case as its debtor and the agents see it (docs/API.md, "Debt case").
 *
 * @param debtorName  as the debtor's identity provider gives it (loan-service's BorrowerContact); null while unknown
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
 * @param pledgeable  whether the case takes a pledge offered now: not closed, not escalated, no live pledge
 */
public record DebtCaseView(
        @NotNull UUID id,
        @NotNull String debtorId,
        String debtorName,
        @NotNull String status,
        @NotNull BigDecimal amount,
        @NotNull BigDecimal outstanding,
        @NotNull String currency,
        @NotNull UUID liquidationId,
        @NotNull UUID loanId,
        @NotNull Instant openedAt,
        @NotNull String timeZone,
        @NotNull int daysPastDue,
        String bucket,
        String assignee,
        PlanView plan,
        ReceiptView receipt,
        @NotNull List<OfferView> offers,
        @NotNull List<TimelineEntry> timeline,
        String hold,
        @NotNull BigDecimal paid,
        BigDecimal discount,
        @NotNull List<PaymentView> payments,
        Escalation escalation,
        @NotNull List<PledgeView> pledges,
        @NotNull boolean pledgeable) {

    public record TimelineEntry(@NotNull Instant at, @NotNull String kind, @NotNull String by, @NotNull String text) {
    }

    /** {@code stage}: {@code EXTERNAL_COLLECTION} or {@code LEGAL}; why, who, when. */
    public record Escalation(@NotNull String stage, @NotNull String reason, @NotNull String by, @NotNull Instant at) {
    }
}
