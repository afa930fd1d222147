package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.LoanEvents;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.Interest;
import io.shortfall.loan.domain.LoanMath;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Brings a loan's accrued interest up to today (UTC): the whole days since it was last accrued, at its
 * APR, on its outstanding principal ({@link Interest}). Runs in the caller's transaction: before every
 * change that depends on the debt (a repayment, a liquidation lock, an auto increase) and from the daily
 * {@code InterestAccrualJob}. Emits {@code InterestAccrued} when whole cents were added (so at most daily).
 */
@ApplicationScoped
public class InterestAccrual {

    private final Clock clock;
    private final LoanEventLog events;

    public InterestAccrual(Clock clock, LoanEventLog events) {
        this.clock = clock;
        this.events = events;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Accrues {@code loan} through today; nothing for a loan that is not ACTIVE or already up to date. */
    public Uni<Loan> accrue(Loan loan) {
        LocalDate today = today();
        long days = ChronoUnit.DAYS.between(loan.interestAccruedThrough, today);
        if (days <= 0 || !loan.isActive()) {
            return Uni.createFrom().item(loan);
        }
        Interest.Accrual accrual = Interest.accrue(loan.principal, loan.apr, days, loan.interestCarry);
        loan.interestAccruedThrough = today;
        loan.interestCarry = accrual.carry();
        if (accrual.interest().signum() == 0) {
            return Uni.createFrom().item(loan);
        }
        loan.accruedInterest = loan.accruedInterest.add(accrual.interest()).setScale(LoanMath.USDT_SCALE);
        return Panache.flush()
                .chain(() -> events.emit(loan.id, new LoanEvents.InterestAccrued(loan.id, loan.accruedInterest,
                        today, loan.version)))
                .replaceWith(loan);
    }
}
