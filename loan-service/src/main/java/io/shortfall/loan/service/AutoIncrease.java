package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.LoanMath;
import io.shortfall.loan.repository.LoanRepository;
import io.shortfall.loan.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Auto increase (DOMAIN.md): on {@code AutoIncreaseRequested}, move from the borrower's reserve what brings
 * the loan back to its initial LTV, or all the reserve holds, and say which: {@code CollateralAdded} with
 * source {@code AUTO_INCREASE} for what moved, {@code AutoIncreaseShort} when it was not enough.
 *
 * <p>What is needed is recomputed here, from the loan's own debt and collateral (loan-service is their only
 * writer) at the latest price it knows; the request's {@code collateralNeeded} is used only when no price is
 * known. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class AutoIncrease {

    private final LoanRepository loans;
    private final PriceRepository prices;
    private final InterestAccrual accrual;
    private final Reserves reserves;
    private final LoanEventLog events;
    private final Assets assets;

    public AutoIncrease(LoanRepository loans, PriceRepository prices, InterestAccrual accrual, Reserves reserves,
                        LoanEventLog events, Assets assets) {
        this.loans = loans;
        this.prices = prices;
        this.accrual = accrual;
        this.reserves = reserves;
        this.events = events;
        this.assets = assets;
    }

    public Uni<Void> onRequested(MarginEvents.AutoIncreaseRequested request) {
        return loans.findById(request.loanId()).chain(loan -> {
            if (loan == null) {
                throw new PoisonEventException("auto increase requested for no loan " + request.loanId());
            }
            if (!loan.isActive() || !loan.autoIncrease) {
                Log.infof("auto increase of loan %s requested while %s, auto increase %s: nothing moved", loan.id,
                        loan.status, loan.autoIncrease ? "on" : "off");
                return Uni.createFrom().voidItem();
            }
            return accrual.accrue(loan).chain(() -> prices.findById(loan.collateralAsset))
                    .chain(price -> {
                        int scale = assets.scaleOf(loan);
                        BigDecimal needed = price != null
                                ? LoanMath.collateralToReach(loan.debt(), loan.collateralAmount, price.price,
                                loan.initialLtv, scale)
                                : request.collateralNeeded().setScale(scale, RoundingMode.UP);
                        if (needed.signum() <= 0) {
                            Log.infof("auto increase of loan %s: already at the initial LTV", loan.id);
                            return Uni.createFrom().voidItem();
                        }
                        return reserves.take(loan.borrowerId, loan.collateralAsset, needed)
                                .chain(withdrawal -> move(loan, needed, withdrawal, scale));
                    });
        });
    }

    private Uni<Void> move(Loan loan, BigDecimal needed, Reserves.Withdrawal withdrawal, int scale) {
        BigDecimal taken = withdrawal.taken().setScale(scale);
        Uni<Void> added = Uni.createFrom().voidItem();
        if (taken.signum() > 0) {
            loan.collateralAmount = loan.collateralAmount.add(taken).setScale(scale);
            added = Panache.flush().chain(() -> events.emit(loan.id, new LoanEvents.CollateralAdded(loan.id,
                    loan.borrowerId, loan.collateralAsset, taken, LoanEvents.CollateralAdded.AUTO_INCREASE,
                    loan.collateralAmount, loan.version)));
        }
        if (taken.compareTo(needed) >= 0) {
            return added;
        }
        return added.chain(() -> events.emit(loan.id, new LoanEvents.AutoIncreaseShort(loan.id, loan.borrowerId,
                loan.collateralAsset, needed, withdrawal.available().setScale(scale))));
    }
}
