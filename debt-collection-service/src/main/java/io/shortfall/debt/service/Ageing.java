package io.shortfall.debt.service;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Plan;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.Reminder;
import io.shortfall.debt.config.DebtConfig;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.Delinquency;
import io.shortfall.debt.domain.PlanStatus;
import io.shortfall.debt.repository.ReminderRepository;
import io.shortfall.events.DebtEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Applies {@link Delinquency} to a case's live plan on the debtor's today: days past due and bucket,
 * {@code IN_PLAN ↔ DELINQUENT}, {@code BROKEN}; and, from the daily job, the reminders of the day (each once).
 * A held case ({@code DISPUTED}, {@code HARDSHIP}) is not aged. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Ageing {

    private final DebtorProjection debtors;
    private final DebtConfig config;
    private final CaseRecord record;
    private final PledgeCustody pledges;
    private final Clock clock;
    private final ReminderRepository reminders;

    public Ageing(ReminderRepository reminders, DebtorProjection debtors, DebtConfig config, CaseRecord record,
                  PledgeCustody pledges, Clock clock) {
        this.reminders = reminders;
        this.pledges = pledges;
        this.debtors = debtors;
        this.config = config;
        this.record = record;
        this.clock = clock;
    }

    /** Re-ages the plan after a payment or reversal (no reminders). */
    public Uni<Void> reassess(DebtCase debtCase, Plan plan, List<PlanInstallment> rows) {
        if (debtCase.hold != null) {
            return Uni.createFrom().voidItem();
        }
        return today(debtCase).chain(today -> assess(debtCase, plan, rows, today));
    }

    /** The daily round for one case: reminders of the day, then the plan's standing. */
    public Uni<Void> daily(DebtCase debtCase, Plan plan, List<PlanInstallment> rows) {
        if (debtCase.hold != null || !plan.isLive()) {
            return Uni.createFrom().voidItem();
        }
        return today(debtCase).chain(today -> {
            List<BigDecimal> paid = rows.stream().map(r -> r.paid).toList();
            List<Delinquency.Reminder> reminders = Delinquency.reminders(Payments.schedule(rows), paid, today,
                    config.delinquency().reminders());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Delinquency.Reminder reminder : reminders) {
                chain = chain.chain(() -> remind(debtCase, plan, reminder, today));
            }
            return chain.chain(() -> assess(debtCase, plan, rows, today));
        });
    }

    private Uni<Void> remind(DebtCase debtCase, Plan plan, Delinquency.Reminder reminder, LocalDate today) {
        return reminders.sent(plan.id, reminder).chain(sent -> {
            if (sent) {
                return Uni.createFrom().voidItem();
            }
            Reminder row = new Reminder();
            row.id = UUID.randomUUID();
            row.planId = plan.id;
            row.n = reminder.n();
            row.kind = reminder.kind().name();
            row.daysPastDue = reminder.daysPastDue();
            row.sentOn = today;
            // a reminder caught up after a day the round did not run tells how late the installment is now
            int late = (int) java.time.temporal.ChronoUnit.DAYS.between(reminder.dueDate(), today);
            var event = switch (reminder.kind()) {
                case DUE_SOON -> new DebtEvents.InstallmentDueSoon(debtCase.id, debtCase.debtorId, reminder.n(),
                        reminder.dueDate(), reminder.amount(), 0);
                case DUE -> new DebtEvents.InstallmentDue(debtCase.id, debtCase.debtorId, reminder.n(),
                        reminder.dueDate(), reminder.amount(), 0);
                case OVERDUE -> new DebtEvents.InstallmentOverdue(debtCase.id, debtCase.debtorId, reminder.n(),
                        reminder.dueDate(), reminder.amount(), late);
            };
            String text = switch (reminder.kind()) {
                case DUE_SOON -> "Installment " + reminder.n() + " of " + reminder.amount().toPlainString()
                        + " due soon, on " + reminder.dueDate();
                case DUE -> "Installment " + reminder.n() + " of " + reminder.amount().toPlainString() + " due today";
                case OVERDUE -> "Installment " + reminder.n() + " of " + reminder.amount().toPlainString() + " is "
                        + late + " days past due";
            };
            return reminders.persist(row).chain(() -> record.note(debtCase, "REMINDER_" + reminder.kind().name(),
                    Negotiation.SYSTEM, text, event));
        });
    }

    private Uni<Void> assess(DebtCase debtCase, Plan plan, List<PlanInstallment> rows, LocalDate today) {
        if (!plan.isLive()) {
            return Uni.createFrom().voidItem();
        }
        Delinquency.Assessment assessment = Delinquency.assess(Payments.schedule(rows),
                rows.stream().map(r -> r.paid).toList(), today, config.delinquency().policy());
        debtCase.daysPastDue = assessment.daysPastDue();
        debtCase.bucket = assessment.bucketLabel();
        CaseStatus was = debtCase.underlyingStatus();
        switch (assessment.standing()) {
            case BROKEN -> {
                plan.moveTo(PlanStatus.BROKEN, clock.instant());
                debtCase.moveTo(CaseStatus.BROKEN);
                return record.note(debtCase, "PLAN_BROKEN", Negotiation.SYSTEM, "Plan " + plan.id + " broken: "
                                + assessment.reason() + "; back to negotiation",
                        new DebtEvents.PlanBroken(debtCase.id, debtCase.debtorId, plan.id, assessment.reason()))
                        .chain(() -> pledges.forfeitAccepted(debtCase, "plan " + plan.id + " broken: "
                                + assessment.reason()));
            }
            case DELINQUENT -> {
                plan.moveTo(PlanStatus.DELINQUENT, clock.instant());
                if (was != CaseStatus.DELINQUENT) {
                    debtCase.moveTo(CaseStatus.DELINQUENT);
                    return record.note(debtCase, "DELINQUENT", Negotiation.SYSTEM, assessment.missed()
                            + " installment missed, " + assessment.daysPastDue() + " days past due");
                }
                return Uni.createFrom().voidItem();
            }
            default -> {
                plan.moveTo(PlanStatus.ACTIVE, clock.instant());
                if (was == CaseStatus.DELINQUENT) {
                    debtCase.moveTo(CaseStatus.IN_PLAN);
                    return record.note(debtCase, "BACK_IN_PLAN", Negotiation.SYSTEM, "Caught up: back in plan");
                }
                return Uni.createFrom().voidItem();
            }
        }
    }

    private Uni<LocalDate> today(DebtCase debtCase) {
        return debtors.zoneOf(debtCase.debtorId).map(zone -> LocalDate.ofInstant(clock.instant(), zone));
    }
}
