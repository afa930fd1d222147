package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-serve ladder a debtor sees when a case opens (docs/DOMAIN.md, "Offers"): pay in full within
 * {@code payInFullWithinDays}, or each of the configured numbers of monthly installments, the first due
 * {@code firstInstallmentInDays} after the opening day, each with its exact schedule.
 *
 * <p>An installment rung is left out when the amount is smaller than one cent per installment: a plan
 * of 0.00 payments is no plan. A rung outside the self-serve bounds ({@link OfferPolicy#outsideBounds}: too
 * many installments, one under the minimum, a first due date too far) is left out too: the ladder offers
 * nothing the debtor could not propose alone, so a debtor's proposal equal to an offered rung is accepted at
 * once. Paying in full is always offered.
 */
public final class OfferLadder {

    public enum Kind { PAY_IN_FULL, INSTALLMENTS }

    /** One rung: its kind, how many payments, and the exact schedule (which sums to the amount). */
    public record Rung(Kind kind, int installments, List<Installment> schedule) {
        public BigDecimal total() {
            return PlanSchedule.total(schedule);
        }

        public LocalDate firstDueDate() {
            return schedule.get(0).dueDate();
        }
    }

    /** The ladder's policy (configurable; defaults 14 days, 30 days, 3, 6 and 12 installments). */
    public record Terms(int payInFullWithinDays, int firstInstallmentInDays, List<Integer> installmentOptions) {
        public Terms {
            if (payInFullWithinDays < 0 || firstInstallmentInDays < 0) {
                throw new IllegalArgumentException("days must not be negative");
            }
            if (installmentOptions.stream().anyMatch(n -> n < 2)) {
                throw new IllegalArgumentException("installment options are 2 or more: " + installmentOptions);
            }
            installmentOptions = installmentOptions.stream().sorted().distinct().toList();
        }
    }

    /**
     * @param amount what is owed (positive, exact to the cent)
     * @param today  the opening day in the debtor's time zone
     * @param bounds the self-serve bounds every installment rung must be inside
     */
    public static List<Rung> build(BigDecimal amount, LocalDate today, Terms terms, OfferPolicy.Bounds bounds) {
        List<Rung> ladder = new ArrayList<>();
        ladder.add(new Rung(Kind.PAY_IN_FULL, 1,
                PlanSchedule.monthly(amount, 1, null, today.plusDays(terms.payInFullWithinDays()))));
        LocalDate firstInstallment = today.plusDays(terms.firstInstallmentInDays());
        for (int n : terms.installmentOptions()) {
            if (amount.movePointRight(PlanSchedule.SCALE).compareTo(BigDecimal.valueOf(n)) >= 0) {
                List<Installment> schedule = PlanSchedule.monthly(amount, n, null, firstInstallment);
                if (OfferPolicy.outsideBounds(schedule, today, bounds).isEmpty()) {
                    ladder.add(new Rung(Kind.INSTALLMENTS, n, schedule));
                }
            }
        }
        return List.copyOf(ladder);
    }

    private OfferLadder() {
    }
}
