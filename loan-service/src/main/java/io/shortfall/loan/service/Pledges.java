package io.shortfall.loan.service;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.rest.Problems;
import io.shortfall.loan.AssetPrice;
import io.shortfall.loan.Pledge;
import io.shortfall.loan.config.LoanConfig;
import io.shortfall.loan.domain.PledgeStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Collateral pledged to secure a debt case (loan-service README, "Pledges"). loan-service is the custodian: a
 * pledge is taken from the borrower's reserve at once and held; debt-collection-service then releases it (back to
 * the reserve) or forfeits it (handed to liquidation-service to be sold); what the sale raised beyond the debt is
 * credited to the borrower's USDT balance. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Pledges {

    private final Reserves reserves;
    private final Balances balances;
    private final Assets assets;
    private final LoanEventLog events;
    private final Clock clock;

    public Pledges(Reserves reserves, Balances balances, Assets assets, LoanEventLog events, Clock clock) {
        this.reserves = reserves;
        this.balances = balances;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /** Takes {@code quantity} of {@code asset} from the borrower's reserve and holds it for case {@code caseId}. */
    public Uni<Pledge> pledge(String borrowerId, UUID caseId, String asset, BigDecimal quantity) {
        LoanConfig.Asset terms = assets.require(asset, "asset");
        Assets.requireScale("quantity", quantity, terms.scale());
        BigDecimal wanted = quantity.setScale(terms.scale());
        return reserves.take(borrowerId, asset, wanted).chain(taken -> {
            if (taken.taken().compareTo(wanted) < 0) {
                throw Problems.refused("insufficient-reserve", "quantity: the reserve holds "
                        + taken.available().toPlainString() + " " + asset + "; " + wanted.toPlainString()
                        + " is more than that (deposit to it first)");
            }
            Instant now = clock.instant();
            Pledge pledge = new Pledge();
            pledge.id = UUID.randomUUID();
            pledge.borrowerId = borrowerId;
            pledge.caseId = caseId;
            pledge.asset = asset;
            pledge.quantity = wanted;
            pledge.status = PledgeStatus.HELD;
            pledge.createdAt = now;
            pledge.updatedAt = now;
            return pledge.persist().replaceWith(pledge)
                    .call(p -> events.publish(new LoanEvents.CollateralPledged(p.id, borrowerId, caseId, asset, wanted)));
        });
    }

    /** The borrower's pledges, newest first. */
    public Uni<List<Pledge>> of(String borrowerId, Page page) {
        return Pledge.<Pledge>find("borrowerId = ?1 order by createdAt desc, id", borrowerId).page(page).list();
    }

    /** The case gave the pledge back: it returns to the reserve, once. */
    public Uni<Void> onReleased(DebtEvents.PledgeReleased released) {
        return held(released.pledgeId(), released.debtorId(), PledgeStatus.HELD).chain(pledge -> {
            if (pledge == null) {
                return Uni.createFrom().voidItem();
            }
            move(pledge, PledgeStatus.RETURNED, released.reason());
            Log.infof("pledge %s of %s %s returned to the reserve of %s: %s", pledge.id, pledge.quantity.toPlainString(),
                    pledge.asset, pledge.borrowerId, released.reason());
            return reserves.deposit(pledge.borrowerId, pledge.asset, pledge.quantity).replaceWithVoid();
        });
    }

    /** The case's plan broke: the pledge is handed to liquidation-service to be sold, once. */
    public Uni<Void> onForfeited(DebtEvents.PledgeForfeited forfeited) {
        return held(forfeited.pledgeId(), forfeited.debtorId(), PledgeStatus.HELD).chain(pledge -> {
            if (pledge == null) {
                return Uni.createFrom().voidItem();
            }
            move(pledge, PledgeStatus.SELLING, forfeited.reason());
            return AssetPrice.<AssetPrice>findById(pledge.asset).chain(latest -> {
                if (latest == null) {
                    // a pledge is only taken in a supported asset, and an asset is priced before any loan in it
                    throw new PoisonEventException("no price of " + pledge.asset + " to sell pledge " + pledge.id
                            + ": parked for an operator (post a price, then replay it)");
                }
                return events.publish(new LoanEvents.PledgeSaleRequested(pledge.id, pledge.borrowerId, pledge.caseId,
                        pledge.asset, pledge.quantity, latest.price));
            });
        });
    }

    /** The sale was applied to the case: what it raised beyond the debt is credited to the USDT balance, once. */
    public Uni<Void> onProceedsApplied(DebtEvents.PledgeProceedsApplied applied) {
        return held(applied.pledgeId(), applied.debtorId(), PledgeStatus.SELLING).chain(pledge -> {
            if (pledge == null) {
                return Uni.createFrom().voidItem();
            }
            move(pledge, PledgeStatus.SOLD, "sold for " + applied.proceeds().toPlainString() + ": "
                    + applied.applied().toPlainString() + " paid off the debt, " + applied.returned().toPlainString()
                    + " to the balance");
            return balances.creditPledgeSurplus(pledge.borrowerId, pledge.id, applied.returned());
        });
    }

    private void move(Pledge pledge, PledgeStatus status, String note) {
        pledge.status = status;
        pledge.note = note;
        pledge.updatedAt = clock.instant();
    }

    /** The pledge when it is in {@code status}; null when an earlier delivery moved it on already. */
    private static Uni<Pledge> held(UUID pledgeId, String borrowerId, PledgeStatus status) {
        if (pledgeId == null) {
            throw new PoisonEventException("a pledge event without pledgeId");
        }
        return Pledge.<Pledge>findById(pledgeId).map(pledge -> {
            if (pledge == null || !pledge.borrowerId.equals(borrowerId)) {
                throw new PoisonEventException("no pledge " + pledgeId + " of " + borrowerId);
            }
            return status == pledge.status ? pledge : null;
        });
    }
}
