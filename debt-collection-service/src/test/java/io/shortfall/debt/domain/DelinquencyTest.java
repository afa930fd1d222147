package io.shortfall.debt.domain;

import io.shortfall.debt.domain.Delinquency.Bucket;
import io.shortfall.debt.domain.Delinquency.ReminderKind;
import io.shortfall.debt.domain.Delinquency.Standing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelinquencyTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 1, 31);
    // 3 x: 333.33 on Jan 31, 333.33 on Feb 28, 333.34 on Mar 31
    private static final List<Installment> THREE = PlanSchedule.monthly(new BigDecimal("1000.00"), 3, null, FIRST);
    private static final Delinquency.Policy POLICY = Delinquency.Policy.DEFAULT;

    private static Delinquency.Assessment on(LocalDate day, String... paid) {
        List<BigDecimal> amounts = new java.util.ArrayList<>();
        for (int i = 0; i < THREE.size(); i++) {
            amounts.add(i < paid.length ? new BigDecimal(paid[i]) : BigDecimal.ZERO);
        }
        return Delinquency.assess(THREE, amounts, day, POLICY);
    }

    @Test
    void everyDaysPastDueHasItsBucket() {
        assertThat(Bucket.of(0)).isNull();
        for (int d = 1; d <= 30; d++) {
            assertThat(Bucket.of(d)).isEqualTo(Bucket.DPD_1_30);
        }
        for (int d = 31; d <= 60; d++) {
            assertThat(Bucket.of(d)).isEqualTo(Bucket.DPD_31_60);
        }
        for (int d = 61; d <= 90; d++) {
            assertThat(Bucket.of(d)).isEqualTo(Bucket.DPD_61_90);
        }
        for (int d = 91; d <= 120; d++) {
            assertThat(Bucket.of(d)).isEqualTo(Bucket.DPD_91_120);
        }
        for (int d = 121; d <= 2000; d++) {
            assertThat(Bucket.of(d)).isEqualTo(Bucket.DPD_120_PLUS);
        }
        assertThatThrownBy(() -> Bucket.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Bucket.ofLabel("120+")).isEqualTo(Bucket.DPD_120_PLUS);
        assertThat(Bucket.ofLabel("1-30").label()).isEqualTo("1-30");
        assertThatThrownBy(() -> Bucket.ofLabel("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueUntilTheEndOfTheDueDateThenThreeDaysOfGrace() {
        assertThat(on(FIRST)).isEqualTo(new Delinquency.Assessment(0, null, 0, Standing.IN_PLAN, null));
        assertThat(on(FIRST.plusDays(1))).isEqualTo(new Delinquency.Assessment(1, Bucket.DPD_1_30, 0, Standing.IN_PLAN, null));
        assertThat(on(FIRST.plusDays(3)).standing()).isEqualTo(Standing.IN_PLAN);
        var day4 = on(FIRST.plusDays(4));
        assertThat(day4.standing()).isEqualTo(Standing.DELINQUENT);
        assertThat(day4.missed()).isEqualTo(1);
        assertThat(day4.daysPastDue()).isEqualTo(4);
        assertThat(day4.bucketLabel()).isEqualTo("1-30");
    }

    @Test
    void aPartlyPaidInstallmentIsStillPastDue() {
        assertThat(on(FIRST.plusDays(10), "333.32").standing()).isEqualTo(Standing.DELINQUENT);
        assertThat(on(FIRST.plusDays(10), "333.33").standing()).isEqualTo(Standing.IN_PLAN);
        assertThat(on(FIRST.plusDays(10), "333.33").daysPastDue()).isZero();
    }

    @Test
    void twoMissedInstallmentsBreakThePlan() {
        // Feb 28 + 3 grace: on Mar 3 the second is not missed yet, on Mar 4 it is
        var march3 = on(LocalDate.of(2027, 3, 3));
        assertThat(march3.standing()).isEqualTo(Standing.DELINQUENT);
        assertThat(march3.missed()).isEqualTo(1);
        assertThat(march3.daysPastDue()).isEqualTo(31);
        assertThat(march3.bucket()).isEqualTo(Bucket.DPD_31_60);
        var march4 = on(LocalDate.of(2027, 3, 4));
        assertThat(march4.standing()).isEqualTo(Standing.BROKEN);
        assertThat(march4.reason()).isEqualTo("2 installments missed");
    }

    @Test
    void sixtyDaysPastDueBreakThePlan() {
        var schedule = PlanSchedule.monthly(new BigDecimal("100.00"), 1, null, FIRST);
        var day59 = Delinquency.assess(schedule, List.of(BigDecimal.ZERO), FIRST.plusDays(59), POLICY);
        assertThat(day59.standing()).isEqualTo(Standing.DELINQUENT);
        var day60 = Delinquency.assess(schedule, List.of(BigDecimal.ZERO), FIRST.plusDays(60), POLICY);
        assertThat(day60.standing()).isEqualTo(Standing.BROKEN);
        assertThat(day60.reason()).isEqualTo("60 days past due");
        assertThat(day60.bucket()).isEqualTo(Bucket.DPD_31_60);
    }

    @Test
    void catchingUpReturnsToThePlan() {
        assertThat(on(FIRST.plusDays(20)).standing()).isEqualTo(Standing.DELINQUENT);
        assertThat(on(FIRST.plusDays(20), "333.33")).isEqualTo(new Delinquency.Assessment(0, null, 0, Standing.IN_PLAN, null));
        // prepaying the later ones does not cure the oldest
        assertThat(on(FIRST.plusDays(20), "0", "333.33", "333.34").standing()).isEqualTo(Standing.DELINQUENT);
    }

    @Test
    void paidInFullIsNeverLate() {
        assertThat(on(LocalDate.of(2030, 1, 1), "333.33", "333.33", "333.34").standing()).isEqualTo(Standing.IN_PLAN);
    }

    @Test
    void remindersBeforeOnAndAfterTheDueDate() {
        var policy = Delinquency.ReminderPolicy.DEFAULT;
        List<BigDecimal> none = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(Delinquency.reminders(THREE, none, FIRST.minusDays(3), policy))
                .containsExactly(new Delinquency.Reminder(ReminderKind.DUE_SOON, 1, FIRST, new BigDecimal("333.33"), 0));
        assertThat(Delinquency.reminders(THREE, none, FIRST.minusDays(4), policy)).isEmpty();
        // still the reminder reached (sent once by the caller): a day the round missed is caught up
        assertThat(Delinquency.reminders(THREE, none, FIRST.minusDays(2), policy))
                .containsExactly(new Delinquency.Reminder(ReminderKind.DUE_SOON, 1, FIRST, new BigDecimal("333.33"), 0));
        assertThat(Delinquency.reminders(THREE, none, FIRST, policy))
                .containsExactly(new Delinquency.Reminder(ReminderKind.DUE, 1, FIRST, new BigDecimal("333.33"), 0));
        for (int late : new int[]{1, 7, 14}) {
            assertThat(Delinquency.reminders(THREE, none, FIRST.plusDays(late), policy)).containsExactly(
                    new Delinquency.Reminder(ReminderKind.OVERDUE, 1, FIRST, new BigDecimal("333.33"), late));
        }
        // between the configured days: the latest one reached
        assertThat(Delinquency.reminders(THREE, none, FIRST.plusDays(2), policy)).containsExactly(
                new Delinquency.Reminder(ReminderKind.OVERDUE, 1, FIRST, new BigDecimal("333.33"), 1));
        assertThat(Delinquency.reminders(THREE, none, FIRST.plusDays(13), policy)).containsExactly(
                new Delinquency.Reminder(ReminderKind.OVERDUE, 1, FIRST, new BigDecimal("333.33"), 7));
        // Feb 25: due soon of the second; the first (25 days late) has reached its last, 14 days
        assertThat(Delinquency.reminders(THREE, none, LocalDate.of(2027, 2, 25), policy)).containsExactly(
                new Delinquency.Reminder(ReminderKind.OVERDUE, 1, FIRST, new BigDecimal("333.33"), 14),
                new Delinquency.Reminder(ReminderKind.DUE_SOON, 2, LocalDate.of(2027, 2, 28), new BigDecimal("333.33"), 0));
        // overdue days that skip the first ones: nothing before the first of them (no late "due today")
        var later = new Delinquency.ReminderPolicy(3, java.util.Set.of(7, 14));
        assertThat(Delinquency.reminders(THREE, none, FIRST.plusDays(3), later)).isEmpty();
        // what is left of a partly paid one; nothing for a paid one
        var partly = List.of(new BigDecimal("300.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(Delinquency.reminders(THREE, partly, FIRST, policy)).extracting(Delinquency.Reminder::amount)
                .containsExactly(new BigDecimal("33.33"));
        var paid = List.of(new BigDecimal("333.33"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(Delinquency.reminders(THREE, paid, FIRST, policy)).isEmpty();
    }

    @Test
    void installmentStatuses() {
        Installment first = THREE.get(0);
        assertThat(Delinquency.installmentStatus(first, new BigDecimal("333.33"), FIRST.plusDays(90), POLICY)).isEqualTo("PAID");
        assertThat(Delinquency.installmentStatus(first, BigDecimal.ZERO, FIRST.plusDays(3), POLICY)).isEqualTo("PENDING");
        assertThat(Delinquency.installmentStatus(first, BigDecimal.ONE, FIRST, POLICY)).isEqualTo("PARTIALLY_PAID");
        assertThat(Delinquency.installmentStatus(first, BigDecimal.ONE, FIRST.plusDays(4), POLICY)).isEqualTo("OVERDUE");
    }

    // ---- properties ----

    /** The reminders sent by rounds on some days (a sent one is remembered, as the {@code reminder} table does). */
    private static List<Delinquency.Reminder> sentOn(List<Integer> roundDays) {
        List<BigDecimal> none = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        java.util.Set<List<Object>> sent = new java.util.HashSet<>();
        List<Delinquency.Reminder> out = new java.util.ArrayList<>();
        for (int day : roundDays) {
            for (var r : Delinquency.reminders(THREE, none, FIRST.plusDays(day), Delinquency.ReminderPolicy.DEFAULT)) {
                if (sent.add(List.of(r.n(), r.kind(), r.daysPastDue()))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    @Test
    void aRoundEveryDaySendsEachReminderOnItsDayOnce() {
        List<Integer> everyDay = java.util.stream.IntStream.rangeClosed(-10, 20).boxed().toList();
        assertThat(sentOn(everyDay)).filteredOn(r -> r.n() == 1).extracting(Delinquency.Reminder::kind,
                        Delinquency.Reminder::daysPastDue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReminderKind.DUE_SOON, 0),
                        org.assertj.core.groups.Tuple.tuple(ReminderKind.DUE, 0),
                        org.assertj.core.groups.Tuple.tuple(ReminderKind.OVERDUE, 1),
                        org.assertj.core.groups.Tuple.tuple(ReminderKind.OVERDUE, 7),
                        org.assertj.core.groups.Tuple.tuple(ReminderKind.OVERDUE, 14));
    }

    @Property
    void roundsOnSomeDaysSendNothingTwiceAndCatchUpTheLatestReminderReached(
            @ForAll("roundDays") List<Integer> days) {
        List<Integer> sorted = days.stream().distinct().sorted().toList();
        List<Delinquency.Reminder> sent = sentOn(sorted);
        assertThat(sent).extracting(r -> List.of(r.n(), r.kind(), r.daysPastDue())).doesNotHaveDuplicates();
        // missed days are caught up: each installment's latest reminder, had a round run every day, is sent
        List<Integer> everyDay = java.util.stream.IntStream.rangeClosed(sorted.get(0), sorted.get(sorted.size() - 1))
                .boxed().toList();
        java.util.Map<Integer, Delinquency.Reminder> latest = new java.util.HashMap<>();
        sentOn(everyDay).forEach(r -> latest.put(r.n(), r));
        assertThat(sent).containsAll(latest.values());
        assertThat(sent.size()).isLessThanOrEqualTo(sentOn(everyDay).size());
    }

    @Provide
    Arbitrary<List<Integer>> roundDays() {
        return Arbitraries.integers().between(-10, 90).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void bucketsCoverEveryDayOnce(@ForAll @IntRange(min = 1, max = 100_000) int daysPastDue) {
        Bucket bucket = Bucket.of(daysPastDue);
        assertThat(bucket).isNotNull();
        assertThat(java.util.Arrays.stream(Bucket.values()).filter(b -> b == bucket)).hasSize(1);
    }

    @Provide
    Arbitrary<List<Installment>> schedules() {
        return Arbitraries.integers().between(1, 24).flatMap(n -> Arbitraries.longs().between(n, 10_000_000L)
                .map(c -> PlanSchedule.monthly(BigDecimal.valueOf(c, 2), n, null, FIRST)));
    }

    @Property
    void aPlanPaidUpToTodayIsInPlanAndDaysPastDueGrowOneADay(@ForAll("schedules") List<Installment> schedule,
                                                               @ForAll @IntRange(min = 0, max = 800) int offset,
                                                               @ForAll @IntRange(min = 0, max = 1_000_000) int paidCents) {
        LocalDate today = FIRST.plusDays(offset);
        // pay a prefix in full (all due so far), then the assessment is in plan
        List<BigDecimal> dueSoFar = schedule.stream()
                .map(i -> i.dueDate().isBefore(today) ? i.amount() : BigDecimal.ZERO).toList();
        assertThat(Delinquency.assess(schedule, dueSoFar, today, POLICY).standing()).isEqualTo(Standing.IN_PLAN);

        // with whatever paid, allocated oldest first, tomorrow is one more day past due, or 0 → 1, or caught up never
        var ledger = PaymentLedger.of(schedule);
        BigDecimal pay = BigDecimal.valueOf(paidCents, 2).min(ledger.outstanding());
        if (pay.signum() > 0) {
            ledger = ledger.pay(UUID.randomUUID(), pay);
        }
        var a = Delinquency.assess(schedule, ledger.paid(), today, POLICY);
        var b = Delinquency.assess(schedule, ledger.paid(), today.plusDays(1), POLICY);
        if (a.daysPastDue() > 0) {
            assertThat(b.daysPastDue()).isEqualTo(a.daysPastDue() + 1);
        }
        assertThat(b.missed()).isGreaterThanOrEqualTo(a.missed());
        assertThat(b.standing().ordinal()).isGreaterThanOrEqualTo(a.standing().ordinal());
        assertThat(a.bucket()).isEqualTo(Bucket.of(a.daysPastDue()));
        assertThat(a.standing() == Standing.BROKEN)
                .isEqualTo(a.missed() >= 2 || a.daysPastDue() >= 60);
        assertThat(a.standing() == Standing.IN_PLAN).isEqualTo(a.missed() == 0 && a.daysPastDue() < 60);
    }
}
