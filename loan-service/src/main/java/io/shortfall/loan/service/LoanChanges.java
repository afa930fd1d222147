package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.rest.Problems;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.Repayment;
import io.shortfall.loan.repository.LoanRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * What a borrower changes on their own loan: repayments, collateral top-ups, auto increase. Each runs in
 * the caller's transaction (the idempotent request's); the loan's optimistic lock makes two changes racing
 * on one loan (or a change racing the liquidation lock) lose one of the two, which the caller sees as a 409.
 * Only an ACTIVE loan changes: a LIQUIDATING one is locked for its sale, a closed one is done.
 */
@ApplicationScoped
public class LoanChanges {

    private final LoanRepository loans;
    private final InterestAccrual accrual;
    private final LoanEventLog events;
    private final Assets assets;
    private final Clock clock;
    private final AutoIncrease autoIncrease;

    public LoanChanges(LoanRepository loans, InterestAccrual accrual, LoanEventLog events, Assets assets,
                       Clock clock, AutoIncrease autoIncrease) {
        this.autoIncrease = autoIncrease;
        this.loans = loans;
        this.accrual = accrual;
        this.events = events;
        this.assets = assets;
        this.clock = clock;
    }

    /**
     * Pays {@code amount} USDT: accrued interest first (brought up to today), then principal. Paying the whole
     * debt closes the loan (REPAID) and returns the collateral; paying more is refused (422), never kept.
     * Interest below a cent not yet owed is forgiven on the full repayment.
     */
    public Uni<Loan> repay(String borrowerId, UUID loanId, BigDecimal amount) {
        Assets.requireScale("amount", amount, LoanMath.USDT_SCALE);
        return activeOwned(borrowerId, loanId, "repayments").chain(accrual::accrue).chain(loan -> {
            Repayment.Allocation split;
            try {
                split = Repayment.allocate(amount, loan.accruedInterest, loan.principal);
            } catch (Repayment.Overpayment e) {
                throw Problems.refused("overpayment", "the debt of loan " + loan.id + " is " + e.debt().toPlainString()
                        + " " + loan.currency + " (principal " + loan.principal.toPlainString() + ", interest "
                        + loan.accruedInterest.toPlainString() + "): repay at most that");
            }
            loan.accruedInterest = split.interestLeft().setScale(LoanMath.USDT_SCALE);
            loan.principal = split.principalLeft().setScale(LoanMath.USDT_SCALE);
            boolean full = split.settlesTheDebt();
            // The repayment and the close are two versions of the loan, each with its event: consumers apply an
            // event only when its loanVersion is newer than the last they applied (margin-service), so a
            // LoanClosed at the version of its LoanRepaid would be skipped and the position never closed.
            return Panache.flush()
                    .chain(() -> events.emit(loan.id, new LoanEvents.LoanRepaid(loan.id, loan.borrowerId,
                            amount.setScale(LoanMath.USDT_SCALE), split.interestPaid().setScale(LoanMath.USDT_SCALE),
                            split.principalPaid().setScale(LoanMath.USDT_SCALE), loan.principal, loan.accruedInterest,
                            loan.version)))
                    .chain(() -> full ? close(loan) : Uni.createFrom().voidItem())
                    .replaceWith(loan);
        });
    }

    /** The debt is paid: the loan is closed (REPAID) and its collateral returned. */
    private Uni<Void> close(Loan loan) {
        BigDecimal returned = loan.collateralAmount;
        loan.status = LoanStatus.REPAID;
        loan.closedAt = clock.instant();
        loan.collateralAmount = BigDecimal.ZERO.setScale(assets.scaleOf(loan));
        loan.interestCarry = BigDecimal.ZERO;
        return Panache.flush().chain(() -> events.emit(loan.id, new LoanEvents.LoanClosed(loan.id, loan.borrowerId,
                LoanEvents.LoanClosed.REPAID, returned, loan.version)));
    }

    /** Adds {@code amount} of the loan's collateral asset, from the borrower. */
    public Uni<Loan> addCollateral(String borrowerId, UUID loanId, BigDecimal amount) {
        return activeOwned(borrowerId, loanId, "collateral changes").chain(loan -> {
            int scale = assets.scaleOf(loan);
            Assets.requireScale("amount", amount, scale);
            BigDecimal added = amount.setScale(scale);
            loan.collateralAmount = loan.collateralAmount.add(added).setScale(scale);
            return Panache.flush()
                    .chain(() -> events.emit(loan.id, new LoanEvents.CollateralAdded(loan.id, loan.borrowerId,
                            loan.collateralAsset, added, LoanEvents.CollateralAdded.BORROWER, loan.collateralAmount,
                            loan.version)))
                    .replaceWith(loan);
        });
    }

    /**
     * Switches auto increase; an unchanged setting changes nothing and emits nothing. Switched on while the loan is
     * at or past its margin call, the reserve tops it up at once.
     */
    public Uni<Loan> setAutoIncrease(String borrowerId, UUID loanId, boolean enabled) {
        return activeOwned(borrowerId, loanId, "auto increase changes").chain(loan -> {
            if (loan.autoIncrease == enabled) {
                return Uni.createFrom().item(loan);
            }
            loan.autoIncrease = enabled;
            return Panache.flush()
                    .chain(() -> events.emit(loan.id, new LoanEvents.AutoIncreaseChanged(loan.id, enabled,
                            loan.version)))
                    .chain(() -> enabled ? autoIncrease.afterSwitchedOn(loan) : Uni.createFrom().voidItem())
                    .replaceWith(loan);
        });
    }

    /** The borrower's loan (another's is a 404), refused with a 409 saying why unless it is ACTIVE. */
    private Uni<Loan> activeOwned(String borrowerId, UUID loanId, String what) {
        return loans.findById(loanId).map(loan -> {
            if (loan == null || !loan.borrowerId.equals(borrowerId)) {
                throw Problems.notFound("loan", loanId);
            }
            requireActive(loan, what);
            return loan;
        });
    }

    static void requireActive(Loan loan, String what) {
        switch (loan.status) {
            case ACTIVE -> {
            }
            case LIQUIDATING -> throw Problems.conflict("loan-locked", "loan " + loan.id
                    + " is being liquidated (LIQUIDATING): " + what
                    + " are refused until the sale completes");
            default -> throw Problems.conflict("loan-closed", "loan " + loan.id + " is closed (" + loan.status
                    + "): " + what + " are no longer possible");
        }
    }
}
