package io.shortfall.debt.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Offer;
import io.shortfall.debt.Promise;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.PromiseStatus;
import io.shortfall.debt.repository.CaseFileRepository;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.repository.OfferRepository;
import io.shortfall.debt.repository.PlanRepository;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The daily round (Quarkus scheduler, {@code shortfall.debt.delinquency.cron}; time from the injectable
 * {@link Clock}): for each case with a live plan and no hold, the day's reminders (due soon, due, overdue)
 * and its ageing; open offers past their expiry expire; promises past their date are PARTIAL or BROKEN.
 * Each case is handled in its own transaction; a failure on one is logged and the others go on.
 * Reminders are recorded, so running it twice a day sends nothing twice.
 */
@ApplicationScoped
public class DelinquencyJob {

    private final DebtCaseRepository cases;
    private final OfferRepository offers;
    private final PlanRepository plans;
    private final CaseFileRepository caseFile;
    private final Ageing ageing;
    private final Negotiation negotiation;
    private final CaseRecord record;
    private final Vertx vertx;
    private final Clock clock;
    private final DebtorProjection debtors;

    public DelinquencyJob(DebtCaseRepository cases, OfferRepository offers, PlanRepository plans,
                          CaseFileRepository caseFile, Ageing ageing, Negotiation negotiation, CaseRecord record,
                          Vertx vertx, Clock clock, DebtorProjection debtors) {
        this.cases = cases;
        this.offers = offers;
        this.plans = plans;
        this.caseFile = caseFile;
        this.ageing = ageing;
        this.negotiation = negotiation;
        this.record = record;
        this.vertx = vertx;
        this.clock = clock;
        this.debtors = debtors;
    }

    @Scheduled(cron = "${shortfall.debt.delinquency.cron}", identity = "delinquency",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce().await().atMost(Duration.ofMinutes(30));
    }

    /** One round, on a fresh Vert.x context (callable from any thread, e.g. a test's). */
    public Uni<Void> runOnce() {
        return onContext(() -> Panache.withSession(() -> cases.idsIn(
                        List.of(CaseStatus.OPEN, CaseStatus.NEGOTIATING, CaseStatus.IN_PLAN, CaseStatus.DELINQUENT,
                                CaseStatus.BROKEN, CaseStatus.DISPUTED, CaseStatus.HARDSHIP)))
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> oneCase(id)
                                .onFailure().invoke(f -> Log.warnf("delinquency round, case %s: %s", id, f))
                                .onFailure().recoverWithNull().replaceWithVoid());
                    }
                    return chain;
                }));
    }

    private Uni<Void> oneCase(UUID caseId) {
        return Panache.withTransaction(() -> cases.findById(caseId).chain(debtCase -> {
            Instant now = clock.instant();
            Uni<Void> offersExpired = offers.openOf(caseId)
                    .chain(open -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Offer offer : open) {
                            chain = chain.chain(() -> negotiation.expireIfDue(debtCase, offer, now));
                        }
                        return chain;
                    });
            return offersExpired
                    .chain(() -> promises(debtCase))
                    .chain(() -> debtCase.hasLivePlan() && debtCase.hold == null
                            ? plans.liveOf(caseId).chain(plan -> plan == null ? Uni.createFrom().voidItem()
                            : plans.installments(plan.id).chain(rows -> ageing.daily(debtCase, plan, rows)))
                            : Uni.createFrom().voidItem());
        }));
    }

    /** Promises whose date has passed: paid in part PARTIAL, unpaid BROKEN (which raises the case's priority). */
    private Uni<Void> promises(DebtCase debtCase) {
        return debtors.zoneOf(debtCase.debtorId).chain(zone -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            return caseFile.openPromisesDueBefore(debtCase.id, today).chain(due -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Promise promise : due) {
                    promise.resolve(promise.paid.signum() > 0 ? PromiseStatus.PARTIAL : PromiseStatus.BROKEN,
                            clock.instant());
                    if (promise.status == PromiseStatus.BROKEN) {
                        debtCase.brokenPromises++;
                    }
                    chain = chain.chain(() -> record.note(debtCase, "PROMISE_" + promise.status, Negotiation.SYSTEM,
                            "Promise to pay " + promise.amount.toPlainString() + " by " + promise.dueDate + ": "
                                    + promise.status.name().toLowerCase() + " (" + promise.paid.toPlainString() + " paid)"));
                }
                return chain;
            });
        });
    }

    private Uni<Void> onContext(java.util.function.Supplier<Uni<Void>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(() -> work.get()).subscribe()
                    .with(emitter::complete, emitter::fail));
        });
    }
}
