package io.shortfall.notification.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A repayment schedule said in one line: "3 monthly payments of 333.33 (the last 333.34)". Equal installments
 * are rounded down to the cent with the remainder on the last one (docs/DOMAIN.md), so {@code regular} is the first
 * amount and {@code last} the final one. A schedule must sum exactly to its total; one whose installments
 * before the last are not all equal is not {@link #uniform()} and is said by its total instead.
 */
public record Installments(int count, BigDecimal regular, BigDecimal last, BigDecimal total, boolean uniform) {

    /** Summarizes {@code amounts} (in order); refuses a schedule that does not sum to {@code total}. */
    public static Installments of(List<BigDecimal> amounts, BigDecimal total) {
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one installment");
        }
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("the installments sum to " + sum + ", not to the total " + total);
        }
        BigDecimal first = amounts.get(0);
        boolean uniform = amounts.subList(0, amounts.size() - 1).stream().allMatch(a -> a.compareTo(first) == 0);
        return new Installments(amounts.size(), first, amounts.get(amounts.size() - 1), total, uniform);
    }

    /** Whether the last installment differs from the others (it carries the rounding remainder). */
    public boolean lastDiffers() {
        return count > 1 && last.compareTo(regular) != 0;
    }

    /** "3 monthly payments of 333.33 (the last 333.34)", or by the total when the amounts vary. */
    public String describe(String currency) {
        if (count == 1) {
            return "one payment of " + total.toPlainString() + " " + currency;
        }
        if (!uniform) {
            return count + " monthly payments totalling " + total.toPlainString() + " " + currency;
        }
        return count + " monthly payments of " + regular.toPlainString() + " " + currency
                + (lastDiffers() ? " (the last " + last.toPlainString() + ")" : "");
    }
}
