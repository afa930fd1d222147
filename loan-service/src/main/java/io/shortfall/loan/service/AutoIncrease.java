package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.TopUp;
import io.shortfall.loan.repository.LoanRepository;
import io.shortfall.loan.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Auto increase (loan-service README, "Reserves and auto increase"): move from the borrower's reserve what brings
 * the loan back to its initial LTV, or all the reserve holds, and say which: {@code CollateralAdded} with source
 * {@code AUTO_INCREASE} for what moved, {@code AutoIncreaseShort} when it was not enough. It acts when margin-service
 * asks ({@code AutoIncreaseRequested}: the loan entered ORANGE or RED), when the reserve is funded or auto increase is
 * switched on while the loan is at or past its margin call, and before a triggered loan is locked for a sale
 * ({@link TopUp} says what moves on each occasion).
 *
 * <p>What is needed is computed here, from the loan's own debt and collateral (loan-service is their only writer)
 * at the latest price it knows; a request's {@code collateralNeeded} is used only when no price is known. Runs in
 * the caller's transaction.
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
            return accrual.accrue(loan).chain(() -> prices.findById(loan.collateralAsset)).chain(price -> {
                if (price != null) {
                    return apply(TopUp.Occasion.REQUESTED, loan, price.price).replaceWithVoid();
                }
                int scale = assets.scaleOf(loan);
                BigDecimal needed = request.collateralNeeded().setScale(scale, RoundingMode.UP);
                return reserves.balance(loan.borrowerId, loan.collateralAsset)
                        .chain(available -> move(loan, new TopUp.Plan(needed, needed.min(available)), available))
                        .replaceWithVoid();
            });
        });
    }

    /**
     * The borrower's reserve of {@code asset} was funded: each of their ACTIVE loans in it with auto increase on
     * that is at or past its margin call at the latest price takes what it needs, oldest loan first.
     */
    public Uni<Void> afterDeposit(String borrowerId, String asset) {
        return prices.findById(asset).chain(price -> {
            if (price == null) {
                return Uni.createFrom().voidItem();
            }
            return Loan.<Loan>list("borrowerId = ?1 and collateralAsset = ?2 and status = ?3 and autoIncrease = true"
                            + " order by openedAt, id", borrowerId, asset, LoanStatus.ACTIVE)
                    .chain(found -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (Loan loan : found) {
                            all = all.chain(() -> accrual.accrue(loan)
                                    .chain(() -> apply(TopUp.Occasion.STANDING, loan, price.price)).replaceWithVoid());
                        }
                        return all;
                    });
        });
    }

    /** Auto increase was just switched on for {@code loan}: it takes what it needs if at or past its margin call. */
    public Uni<Void> afterSwitchedOn(Loan loan) {
        return prices.findById(loan.collateralAsset).chain(price -> price == null ? Uni.createFrom().voidItem()
                : accrual.accrue(loan).chain(() -> apply(TopUp.Occasion.STANDING, loan, price.price))
                .replaceWithVoid());
    }

    /**
     * {@code loan}, triggered for liquidation at {@code price}, is saved from the sale by its reserve if it can be:
     * emits true when the reserve moved and the loan is back under its liquidation LTV. The caller has accrued it.
     */
    public Uni<Boolean> beforeSale(Loan loan, BigDecimal price) {
        if (!loan.autoIncrease) {
            return Uni.createFrom().item(false);
        }
        return apply(TopUp.Occasion.BEFORE_SALE, loan, price);
    }

    /** Plans the top-up for the occasion and moves it; emits whether anything moved. */
    private Uni<Boolean> apply(TopUp.Occasion occasion, Loan loan, BigDecimal price) {
        int scale = assets.scaleOf(loan);
        return reserves.balance(loan.borrowerId, loan.collateralAsset).chain(available -> {
            TopUp.Plan plan = TopUp.plan(occasion, loan.debt(), loan.collateralAmount, price, loan.thresholds(),
                    available, scale);
            if (occasion != TopUp.Occasion.REQUESTED && !plan.moves()) {
                return Uni.createFrom().item(false);
            }
            if (plan.needed().signum() <= 0) {
                Log.infof("auto increase of loan %s: already at the initial LTV", loan.id);
                return Uni.createFrom().item(false);
            }
            return move(loan, plan, available);
        });
    }

    private Uni<Boolean> move(Loan loan, TopUp.Plan plan, BigDecimal available) {
        int scale = assets.scaleOf(loan);
        Uni<Void> added = Uni.createFrom().voidItem();
        if (plan.moves()) {
            BigDecimal taken = plan.move().setScale(scale);
            added = reserves.take(loan.borrowerId, loan.collateralAsset, taken).chain(() -> {
                loan.collateralAmount = loan.collateralAmount.add(taken).setScale(scale);
                return Panache.flush();
            }).chain(() -> events.emit(loan.id, new LoanEvents.CollateralAdded(loan.id, loan.borrowerId,
                    loan.collateralAsset, taken, LoanEvents.CollateralAdded.AUTO_INCREASE, loan.collateralAmount,
                    loan.version)));
        }
        if (!plan.isShort()) {
            return added.replaceWith(plan.moves());
        }
        return added.chain(() -> events.emit(loan.id, new LoanEvents.AutoIncreaseShort(loan.id, loan.borrowerId,
                        loan.collateralAsset, plan.needed(), available.setScale(scale))))
                .replaceWith(plan.moves());
    }
}
