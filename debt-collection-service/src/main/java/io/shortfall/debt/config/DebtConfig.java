package io.shortfall.debt.config;

import io.shortfall.debt.domain.OfferLadder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;

/** Collection policy (DOMAIN.md defaults, each configurable). */
@ConfigMapping(prefix = "shortfall.debt")
public interface DebtConfig {

    /** The time zone of a debtor whose zone is unknown or invalid. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    Ladder ladder();

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
