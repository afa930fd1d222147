package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.repository.BreakerRepository;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.repository.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps one position per loan from {@code loan.events}, and decides it at once at its asset's latest price: a
 * loan opened, topped up, repaid or charged interest just before a price move is assessed at that price, not at the
 * next tick. Each event carries the loan's version after the change; an event whose {@code loanVersion} is not
 * newer than the one applied is stale or repeated and changes nothing. Runs inside the consumer's transaction,
 * after {@link #prepare} has locked the batch's positions and shared the latest prices.
 */
@ApplicationScoped
public class PositionProjection {

    private final PositionRepository positions;
    private final PriceRepository prices;
    private final BreakerRepository breakers;
    private final MarginDecisions decisions;
    private final Clock clock;

    public PositionProjection(PositionRepository positions, PriceRepository prices, BreakerRepository breakers,
                              MarginDecisions decisions, Clock clock) {
        this.positions = positions;
        this.prices = prices;
        this.breakers = breakers;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Before a batch: its loans' positions locked (in id order), every latest price shared (a tick commits before
     * or after this batch, never in between), and the breakers read; the effects then find them in the session.
     */
    public Uni<Void> prepare(List<UUID> loanIds) {
        return positions.lockedByIds(loanIds.stream().distinct().sorted().toList())
                .chain(() -> prices.allShared())
                .chain(() -> breakers.listAll())
                .replaceWithVoid();
    }

    public Uni<MarginOutcome> opened(LoanEvents.LoanOpened opened) {
        return positions.findById(opened.loanId()).chain(existing -> {
            if (existing != null) {
                Log.debugf("loan %s already has a position: LoanOpened ignored", opened.loanId());
                return Uni.createFrom().nullItem();
            }
            Position position = new Position();
            position.loanId = opened.loanId();
            position.borrowerId = opened.borrowerId();
            position.collateralAsset = opened.collateralAsset();
            position.collateralAmount = opened.collateralAmount();
            position.principal = opened.principal();
            position.accruedInterest = BigDecimal.ZERO.setScale(LtvMath.USDT_SCALE);
            position.initialLtv = opened.thresholds().initial();
            position.warningLtv = opened.thresholds().warning();
            position.marginCallLtv = opened.thresholds().marginCall();
            position.liquidationLtv = opened.thresholds().liquidation();
            position.autoIncrease = opened.autoIncrease();
            position.status = PositionStatus.ACTIVE;
            position.zone = Zone.GREEN;
            position.loanVersion = opened.loanVersion();
            return decided(position).call(() -> position.persist());
        });
    }

    public Uni<MarginOutcome> collateralAdded(LoanEvents.CollateralAdded added) {
        return update(added.loanId(), added, added.loanVersion(), p -> p.collateralAmount = added.collateralAmount());
    }

    public Uni<MarginOutcome> repaid(LoanEvents.LoanRepaid repaid) {
        return update(repaid.loanId(), repaid, repaid.loanVersion(), p -> {
            p.principal = repaid.principal();
            p.accruedInterest = repaid.accruedInterest();
        });
    }

    public Uni<MarginOutcome> interestAccrued(LoanEvents.InterestAccrued accrued) {
        return update(accrued.loanId(), accrued, accrued.loanVersion(),
                p -> p.accruedInterest = accrued.accruedInterest());
    }

    public Uni<MarginOutcome> autoIncreaseChanged(LoanEvents.AutoIncreaseChanged changed) {
        return update(changed.loanId(), changed, changed.loanVersion(), p -> p.autoIncrease = changed.enabled());
    }

    /** The loan is locked for a sale, with the snapshot the sale works from. */
    public Uni<MarginOutcome> liquidationStarted(LoanEvents.LiquidationStarted started) {
        return update(started.loanId(), started, started.loanVersion(), p -> {
            p.status = PositionStatus.LIQUIDATING;
            p.collateralAmount = started.collateralAmount();
            p.principal = started.principal();
            p.accruedInterest = started.accruedInterest();
        });
    }

    /**
     * loan-service re-checked and did not lock the loan: the trigger is cleared and the loan is held, so a fresh
     * price newer than the latest may trigger it again (not the same price: loan-service has just judged it). It
     * declines without changing the loan, so the event carries the version already applied: it is taken when not
     * older (a repeat of the same event is already skipped by its id).
     */
    public Uni<MarginOutcome> liquidationDeclined(LoanEvents.LiquidationDeclined declined) {
        return require(declined.loanId(), declined).chain(p -> {
            if (declined.loanVersion() < p.loanVersion) {
                Log.debugf("stale LiquidationDeclined of loan %s ignored", p.loanId);
                return Uni.createFrom().nullItem();
            }
            p.triggered = false;
            p.triggeredAt = null;
            p.loanVersion = declined.loanVersion();
            return prices.findById(p.collateralAsset).map(price -> {
                p.triggerHeld = true;
                p.heldThrough = price == null ? clock.instant() : price.observedAt;
                p.rekey(decisions.engine());
                return null;
            });
        });
    }

    /** Part of the collateral was sold and the loan goes on, unlocked, and may be triggered again. */
    public Uni<MarginOutcome> partiallyLiquidated(LoanEvents.PartiallyLiquidated partial) {
        return update(partial.loanId(), partial, partial.loanVersion(), p -> {
            p.collateralAmount = partial.collateralAmount();
            p.principal = partial.principal();
            if (partial.accruedInterest() != null) {
                p.accruedInterest = partial.accruedInterest();
            }
            p.status = PositionStatus.ACTIVE;
            p.triggered = false;
            p.triggeredAt = null;
        });
    }

    public Uni<MarginOutcome> closed(LoanEvents.LoanClosed closed) {
        return update(closed.loanId(), closed, closed.loanVersion(), p -> p.status = PositionStatus.CLOSED);
    }

    private Uni<MarginOutcome> update(UUID loanId, EventPayload event, long loanVersion, Consumer<Position> change) {
        return require(loanId, event).chain(p -> {
            if (loanVersion <= p.loanVersion) {
                Log.debugf("%s of loan %s at version %d ignored: version %d already applied", event.type(), loanId,
                        loanVersion, p.loanVersion);
                return Uni.createFrom().nullItem();
            }
            change.accept(p);
            p.loanVersion = loanVersion;
            return decided(p);
        });
    }

    /** The changed position, with its boundaries anew, decided at its asset's latest price. */
    private Uni<MarginOutcome> decided(Position position) {
        decisions.bound(position);
        MarginOutcome outcome = new MarginOutcome();
        return prices.findById(position.collateralAsset).chain(price -> breakers.isTripped(position.collateralAsset)
                .chain(tripped -> decisions.decide(position, price, tripped, clock.instant(), outcome)))
                .replaceWith(outcome);
    }

    private Uni<Position> require(UUID loanId, EventPayload event) {
        return positions.findById(loanId).invoke(p -> {
            if (p == null) {
                throw new PoisonEventException(event.type() + " for loan " + loanId + ", which was never opened");
            }
        });
    }
}
