package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Delinquency of a plan on a given day in the debtor's time zone (docs/DOMAIN.md, "Delinquency").
 *
 * <ul>
 *   <li>An installment is due until the end of its due date; from the next day it is past due.</li>
 *   <li>Days past due: counted from the due date of the oldest installment not fully paid (0 when none is
 *       past due), bucketed 1–30, 31–60, 61–90, 91–120, 120+.</li>
 *   <li>An installment unpaid after its due date plus the grace days (3) is <em>missed</em>: the plan is
 *       {@code DELINQUENT}. Two missed installments, or 60 days past due, break it ({@code BROKEN}).</li>
 *   <li>A plan whose past-due installments are all paid again is back {@code IN_PLAN} (a broken plan
 *       stays broken: that is decided by whoever calls this).</li>
 * </ul>
 */
public final class Delinquency {

    /** Days-past-due buckets (FFIEC-style). */
    public enum Bucket {
        DPD_1_30("1-30", 1, 30),
        DPD_31_60("31-60", 31, 60),
        DPD_61_90("61-90", 61, 90),
        DPD_91_120("91-120", 91, 120),
        DPD_120_PLUS("120+", 121, Integer.MAX_VALUE);

        private final String label;
        private final int from;
        private final int to;

        Bucket(String label, int from, int to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String label() {
            return label;
        }

        /** The bucket of {@code daysPastDue}, or null for 0 (not past due). */
        public static Bucket of(int daysPastDue) {
            if (daysPastDue < 0) {
                throw new IllegalArgumentException("days past due are not negative: " + daysPastDue);
            }
            for (Bucket bucket : values()) {
                if (daysPastDue >= bucket.from && daysPastDue <= bucket.to) {
                    return bucket;
                }
            }
            return null;
        }

        /** The bucket with this label ({@code 1-30}, ..., {@code 120+}), or an IllegalArgumentException. */
        public static Bucket ofLabel(String label) {
            for (Bucket bucket : values()) {
                if (bucket.label.equals(label)) {
                    return bucket;
                }
            }
            throw new IllegalArgumentException("unknown bucket " + label);
        }
    }

    /** Where a plan stands. */
    public enum Standing { IN_PLAN, DELINQUENT, BROKEN }

    /** The policy; defaults: 3 grace days, broken at 2 missed installments or 60 days past due. */
    public record Policy(int graceDays, int breakAtMissed, int breakAtDaysPastDue) {
        public static final Policy DEFAULT = new Policy(3, 2, 60);

        public Policy {
            if (graceDays < 0 || breakAtMissed < 1 || breakAtDaysPastDue < 1) {
                throw new IllegalArgumentException("grace days >= 0, missed >= 1, days past due >= 1");
            }
        }
    }

    /** The state of a plan on a day. */
    public record Assessment(int daysPastDue, Bucket bucket, int missed, Standing standing, String reason) {
        public String bucketLabel() {
            return bucket == null ? null : bucket.label();
        }
    }

    /** Reminder kinds, as the {@code debt.events} types {@code InstallmentDueSoon|InstallmentDue|InstallmentOverdue}. */
    public enum ReminderKind { DUE_SOON, DUE, OVERDUE }

    /** A reminder to send on a day for an installment. */
    public record Reminder(ReminderKind kind, int n, LocalDate dueDate, BigDecimal amount, int daysPastDue) {
    }

    /** When to remind: days before the due date, and days past due. Defaults 3 and 1, 7, 14. */
    public record ReminderPolicy(int dueSoonDays, Set<Integer> overdueDays) {
        public static final ReminderPolicy DEFAULT = new ReminderPolicy(3, Set.of(1, 7, 14));
    }

    /**
     * @param schedule the plan's schedule
     * @param paid     what is paid on each installment (same order)
     * @param today    the day in the debtor's zone
     */
    public static Assessment assess(List<Installment> schedule, List<BigDecimal> paid, LocalDate today, Policy policy) {
        requireSameSize(schedule, paid);
        int daysPastDue = 0;
        int missed = 0;
        for (int i = 0; i < schedule.size(); i++) {
            Installment installment = schedule.get(i);
            if (paid.get(i).compareTo(installment.amount()) >= 0) {
                continue;
            }
            long late = ChronoUnit.DAYS.between(installment.dueDate(), today);
            if (late <= 0) {
                continue;
            }
            daysPastDue = Math.max(daysPastDue, (int) late);
            if (late > policy.graceDays()) {
                missed++;
            }
        }
        Standing standing;
        String reason = null;
        if (missed >= policy.breakAtMissed()) {
            standing = Standing.BROKEN;
            reason = missed + " installments missed";
        } else if (daysPastDue >= policy.breakAtDaysPastDue()) {
            standing = Standing.BROKEN;
            reason = daysPastDue + " days past due";
        } else if (missed > 0) {
            standing = Standing.DELINQUENT;
        } else {
            standing = Standing.IN_PLAN;
        }
        return new Assessment(daysPastDue, Bucket.of(daysPastDue), missed, standing, reason);
    }

    /**
     * The reminder each unpaid installment has reached on a day: due soon (from the configured days before
     * its date), due (on its date), overdue (the latest configured day past due reached; its
     * {@code daysPastDue} is that configured day, which identifies the reminder). The caller sends each
     * (installment, kind, daysPastDue) at most once, so a day the round did not run at all is caught up on
     * the next day it runs, with the latest reminder reached (earlier ones passed over are not sent).
     */
    public static List<Reminder> reminders(List<Installment> schedule, List<BigDecimal> paid, LocalDate today,
                                           ReminderPolicy policy) {
        requireSameSize(schedule, paid);
        List<Reminder> reminders = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            Installment installment = schedule.get(i);
            BigDecimal remaining = installment.amount().subtract(paid.get(i));
            if (remaining.signum() <= 0) {
                continue;
            }
            long late = ChronoUnit.DAYS.between(installment.dueDate(), today);
            if (late < 0 && late >= -policy.dueSoonDays()) {
                reminders.add(new Reminder(ReminderKind.DUE_SOON, installment.n(), installment.dueDate(), remaining, 0));
            } else if (late == 0) {
                reminders.add(new Reminder(ReminderKind.DUE, installment.n(), installment.dueDate(), remaining, 0));
            } else if (late > 0) {
                policy.overdueDays().stream().filter(day -> day > 0 && day <= late).max(Integer::compare)
                        .ifPresent(day -> reminders.add(new Reminder(ReminderKind.OVERDUE, installment.n(),
                                installment.dueDate(), remaining, day)));
            }
        }
        return reminders;
    }

    /**
     * The status of installment {@code n} on a day: {@code PAID}, {@code OVERDUE} (past the grace days),
     * {@code PARTIALLY_PAID} or {@code PENDING}.
     */
    public static String installmentStatus(Installment installment, BigDecimal paid, LocalDate today, Policy policy) {
        if (paid.compareTo(installment.amount()) >= 0) {
            return "PAID";
        }
        if (ChronoUnit.DAYS.between(installment.dueDate(), today) > policy.graceDays()) {
            return "OVERDUE";
        }
        return paid.signum() > 0 ? "PARTIALLY_PAID" : "PENDING";
    }

    private static void requireSameSize(List<Installment> schedule, List<BigDecimal> paid) {
        if (schedule.size() != paid.size()) {
            throw new IllegalArgumentException("one paid amount per installment");
        }
    }

    private Delinquency() {
    }
}
