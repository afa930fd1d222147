package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of negotiation (docs/DOMAIN.md, "Offers" and "Settlement"): a debtor's installment proposal inside
 * them (at most 12 installments, each at least 50, the first due within 30 days) is accepted automatically;
 * outside them it waits for an agent. A settlement discount above the agent's limit (10%) needs a
 * supervisor. An offer stays open {@code offerExpiryDays} and never expires before the end of its first due date
 * ({@link #expiresAt}).
 */
public final class OfferPolicy {

    public record Bounds(int maxInstallments, BigDecimal minInstallment, int firstDueWithinDays,
                         BigDecimal agentDiscountLimit) {
        public static final Bounds DEFAULT = new Bounds(12, new BigDecimal("50"), 30, new BigDecimal("0.10"));
    }

    /**
     * Why a schedule is outside the self-serve bounds; empty when it may be accepted automatically. A single
     * payment of everything owed is always inside (however small the debt).
     *
     * @param today the day of the proposal in the debtor's zone
     */
    public static List<String> outsideBounds(List<Installment> schedule, LocalDate today, Bounds bounds) {
        List<String> reasons = new ArrayList<>();
        if (schedule.size() > bounds.maxInstallments()) {
            reasons.add("more than " + bounds.maxInstallments() + " installments");
        }
        if (schedule.size() > 1 && schedule.stream().anyMatch(i -> i.amount().compareTo(bounds.minInstallment()) < 0)) {
            reasons.add("an installment under " + bounds.minInstallment().toPlainString());
        }
        LocalDate first = schedule.get(0).dueDate();
        if (first.isBefore(today)) {
            reasons.add("the first due date is in the past");
        } else if (ChronoUnit.DAYS.between(today, first) > bounds.firstDueWithinDays()) {
            reasons.add("the first due date is more than " + bounds.firstDueWithinDays() + " days away");
        }
        return reasons;
    }

    /** The discount a settlement of {@code settlement} gives on {@code owed}. */
    public static BigDecimal discount(BigDecimal owed, BigDecimal settlement) {
        return owed.subtract(settlement);
    }

    /** Whether the discount of a settlement is above the agent's limit (a fraction of what is owed), exactly. */
    public static boolean needsSupervisor(BigDecimal owed, BigDecimal settlement, Bounds bounds) {
        return discount(owed, settlement).compareTo(owed.multiply(bounds.agentDiscountLimit())) > 0;
    }

    /** The discount as a fraction of what is owed, 4 decimals (for display). */
    public static BigDecimal discountRatio(BigDecimal owed, BigDecimal settlement) {
        return discount(owed, settlement).divide(owed, 4, RoundingMode.HALF_UP);
    }

    /**
     * When an offer made at {@code made} expires: after {@code openDays}, and never before the end of the first due
     * date it carries (its pay-by date for one payment), in the debtor's zone. An offer must not close before the
     * day it asks the debtor to pay.
     */
    public static Instant expiresAt(Instant made, int openDays, LocalDate firstDueDate, ZoneId zone) {
        Instant afterOpenDays = made.plus(Duration.ofDays(openDays));
        if (firstDueDate == null) {
            return afterOpenDays;
        }
        Instant endOfDueDate = firstDueDate.plusDays(1).atStartOfDay(zone).toInstant();
        return endOfDueDate.isAfter(afterOpenDays) ? endOfDueDate : afterOpenDays;
    }

    private OfferPolicy() {
    }
}
