package io.shortfall.debt.config;

import io.shortfall.debt.domain.OfferLadder;
import io.shortfall.debt.domain.OfferPolicy;

import java.math.BigDecimal;
import java.util.Set;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;

/** Collection policy (docs/DOMAIN.md defaults, each configurable). */
@ConfigMapping(prefix = "shortfall.debt")
public interface DebtConfig {

    /** The time zone of a debtor whose zone is unknown or invalid. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    Ladder ladder();

    /** Days an offer stays open before it expires. */
    @WithDefault("14")
    int offerExpiryDays();

    Negotiation negotiation();

    Delinquency delinquency();

    /** Bounds of self-serve proposals and the agent's discount limit. */
    interface Negotiation {
        @WithDefault("12")
        int maxInstallments();

        @WithDefault("50")
        BigDecimal minInstallment();

        @WithDefault("30")
        int firstDueWithinDays();

        /** The largest settlement discount an agent may grant alone, as a fraction of what is owed. */
        @WithDefault("0.10")
        BigDecimal agentDiscountLimit();

        default OfferPolicy.Bounds bounds() {
            return new OfferPolicy.Bounds(maxInstallments(), minInstallment(), firstDueWithinDays(),
                    agentDiscountLimit());
        }
    }

    /** Ageing of plans and reminders. */
    interface Delinquency {
        /** When the daily round runs (Quarkus cron; {@code off} to disable): hourly, each debtor's day once. */
        @WithDefault("0 15 * * * ?")
        String cron();

        @WithDefault("3")
        int graceDays();

        @WithDefault("2")
        int breakAtMissed();

        @WithDefault("60")
        int breakAtDaysPastDue();

        @WithDefault("3")
        int dueSoonDays();

        @WithDefault("1,7,14")
        Set<Integer> overdueReminderDays();

        default io.shortfall.debt.domain.Delinquency.Policy policy() {
            return new io.shortfall.debt.domain.Delinquency.Policy(graceDays(), breakAtMissed(), breakAtDaysPastDue());
        }

        default io.shortfall.debt.domain.Delinquency.ReminderPolicy reminders() {
            return new io.shortfall.debt.domain.Delinquency.ReminderPolicy(dueSoonDays(), overdueReminderDays());
        }
    }

    /** The self-serve ladder offered when a case opens. */
    interface Ladder {
        @WithDefault("14")
        int payInFullWithinDays();

        /** Days from the opening day to the first installment's due date (policy: within 30). */
        @WithDefault("30")
        int firstInstallmentInDays();

        /** The numbers of monthly installments offered. */
        @WithDefault("3,6,12")
        List<Integer> installments();

        default OfferLadder.Terms terms() {
            return new OfferLadder.Terms(payInFullWithinDays(), firstInstallmentInDays(), installments());
        }
    }
}
