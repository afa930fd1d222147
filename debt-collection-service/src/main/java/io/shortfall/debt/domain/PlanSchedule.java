package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of a repayment plan (docs/DOMAIN.md, "Plan schedule"): an optional down payment first, then
 * equal monthly installments rounded down to the cent, the remainder on the last one, so the schedule
 * always sums exactly to the amount owed.
 *
 * <p>Due dates: the first payment (the down payment if any, else the first installment) is due on
 * {@code firstDueDate}; each following one a month later, on the same day of month as
 * {@code firstDueDate}, clamped to the end of a shorter month (Jan 31, Feb 28/29, Mar 31, ...). Each date
 * is computed from {@code firstDueDate}, not from the previous date, so a short month never pulls the
 * later ones back.
 */
public final class PlanSchedule {

    /** What a debtor owes is exact to the cent. */
    public static final int SCALE = 2;

    /**
     * @param amount       what is owed: positive, at most 2 decimals
     * @param installments how many equal installments follow the down payment: at least 1
     * @param downPayment  null or zero for none; otherwise positive, at most 2 decimals, less than {@code amount}
     * @param firstDueDate when the first payment is due
     * @throws IllegalArgumentException for any input outside these bounds
     */
    public static List<Installment> monthly(BigDecimal amount, int installments, BigDecimal downPayment,
                                            LocalDate firstDueDate) {
        requireCents("amount", amount);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (installments < 1) {
            throw new IllegalArgumentException("at least one installment, not " + installments);
        }
        if (firstDueDate == null) {
            throw new IllegalArgumentException("firstDueDate is required");
        }
        boolean hasDownPayment = downPayment != null && downPayment.signum() != 0;
        if (hasDownPayment) {
            requireCents("downPayment", downPayment);
            if (downPayment.signum() < 0 || downPayment.compareTo(amount) >= 0) {
                throw new IllegalArgumentException("downPayment must be positive and less than the amount "
                        + amount + ": " + downPayment);
            }
        }

        List<Installment> schedule = new ArrayList<>(installments + 1);
        BigDecimal rest = amount.setScale(SCALE);
        if (hasDownPayment) {
            schedule.add(new Installment(1, firstDueDate, downPayment.setScale(SCALE)));
            rest = rest.subtract(downPayment);
        }
        BigDecimal equal = rest.divide(BigDecimal.valueOf(installments), SCALE, RoundingMode.DOWN);
        BigDecimal last = rest.subtract(equal.multiply(BigDecimal.valueOf(installments - 1)));
        for (int i = 1; i <= installments; i++) {
            int n = schedule.size() + 1;
            schedule.add(new Installment(n, dueDate(firstDueDate, n - 1), i == installments ? last : equal));
        }
        return List.copyOf(schedule);
    }

    /** The due date {@code months} months after {@code anchor}, on the anchor's day or the month's last. */
    public static LocalDate dueDate(LocalDate anchor, int months) {
        return anchor.plusMonths(months); // plusMonths clamps to the month's last day
    }

    /** The sum of a schedule. */
    public static BigDecimal total(List<Installment> schedule) {
        return schedule.stream().map(Installment::amount).reduce(BigDecimal.ZERO.setScale(SCALE), BigDecimal::add);
    }

    private static void requireCents(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(name + " must be exact to the cent: " + value);
        }
    }

    private PlanSchedule() {
    }
}
