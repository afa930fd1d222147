package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.repository.LoanRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Accrues the interest of every ACTIVE loan once the day has turned (UTC). Each loan in its own transaction:
 * a loan that changed meanwhile (its optimistic lock) is skipped and picked up on the next round.
 */
@ApplicationScoped
public class InterestAccrualJob {

    private final Vertx vertx;
    private final LoanRepository loans;
    private final InterestAccrual accrual;
    private final Duration interval;
    private final int batchSize;
    private PeriodicJob job;

    public InterestAccrualJob(Vertx vertx, LoanRepository loans, InterestAccrual accrual,
                              io.shortfall.loan.config.LoanConfig config) {
        this.vertx = vertx;
        this.loans = loans;
        this.accrual = accrual;
        this.interval = config.interest().interval();
        this.batchSize = config.interest().batchSize();
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, interval, "interest accrual", this::accrueDue).runNow();
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** One round: the loans due, one transaction each. Returns how many were looked at. */
    public Uni<Integer> accrueDue() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createSelectionQuery("select id from Loan where status = :status"
                                + " and interestAccruedThrough < :today order by interestAccruedThrough", UUID.class)
                        .setParameter("status", LoanStatus.ACTIVE)
                        .setParameter("today", accrual.today())
                        .setMaxResults(batchSize)
                        .getResultList()))
                .chain(this::accrueEach);
    }

    private Uni<Integer> accrueEach(List<UUID> ids) {
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> loans.findById(id)
                                .chain(loan -> loan == null ? Uni.createFrom().nullItem() : accrual.accrue(loan)))
                        .onFailure().invoke(e -> Log.debugf("interest of loan %s: %s (next round)", id, e.toString()))
                        .onFailure().recoverWithNull())
                .collect().asList()
                .map(List::size);
    }
}
