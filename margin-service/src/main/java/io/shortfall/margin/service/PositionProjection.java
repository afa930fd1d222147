package io.shortfall.margin.service;

import io.quarkus.logging.Log;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.LtvMath;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.repository.PositionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps one position per loan from {@code loan.events}. Each event carries the loan's version after the
 * change; an event whose {@code loanVersion} is not newer than the one applied is stale or repeated and
 * changes nothing. Runs inside the consumer's transaction; emits the position, for the {@link RiskIndex} to
 * follow once the transaction has committed.
 */
@ApplicationScoped
public class PositionProjection {

    private final PositionRepository positions;

    public PositionProjection(PositionRepository positions) {
        this.positions = positions;
    }

    public Uni<Position> opened(LoanEvents.LoanOpened opened) {
        return positions.findById(opened.loanId()).chain(existing -> {
            if (existing != null) {
                Log.debugf("loan %s already has a position: LoanOpened ignored", opened.loanId());
                return Uni.createFrom().item(existing);
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
            return position.<Position>persist();
        });
    }

    public Uni<Position> collateralAdded(LoanEvents.CollateralAdded added) {
        return update(added.loanId(), added, added.loanVersion(), p -> p.collateralAmount = added.collateralAmount());
    }

    public Uni<Position> repaid(LoanEvents.LoanRepaid repaid) {
        return update(repaid.loanId(), repaid, repaid.loanVersion(), p -> {
            p.principal = repaid.principal();
            p.accruedInterest = repaid.accruedInterest();
        });
    }

    public Uni<Position> interestAccrued(LoanEvents.InterestAccrued accrued) {
        return update(accrued.loanId(), accrued, accrued.loanVersion(), p -> p.accruedInterest = accrued.accruedInterest());
    }

    public Uni<Position> autoIncreaseChanged(LoanEvents.AutoIncreaseChanged changed) {
        return update(changed.loanId(), changed, changed.loanVersion(), p -> p.autoIncrease = changed.enabled());
    }

    /** The loan is locked for a sale, with the snapshot the sale works from. */
    public Uni<Position> liquidationStarted(LoanEvents.LiquidationStarted started) {
        return update(started.loanId(), started, started.loanVersion(), p -> {
            p.status = PositionStatus.LIQUIDATING;
            p.collateralAmount = started.collateralAmount();
            p.principal = started.principal();
            p.accruedInterest = started.accruedInterest();
        });
    }

    /**
     * loan-service re-checked and did not lock the loan: the trigger is cleared so a later tick may trigger
     * again. loan-service declines without changing the loan, so the event carries the version already
     * applied: it is taken when not older (a repeat of the same event is already skipped by its id).
     */
    public Uni<Position> liquidationDeclined(LoanEvents.LiquidationDeclined declined) {
        return require(declined.loanId(), declined).invoke(p -> {
            if (declined.loanVersion() < p.loanVersion) {
                Log.debugf("stale LiquidationDeclined of loan %s ignored", p.loanId);
                return;
            }
            p.triggered = false;
            p.triggeredAt = null;
            p.loanVersion = declined.loanVersion();
        });
    }

    /** Part of the collateral was sold and the loan goes on, unlocked, and may be triggered again. */
    public Uni<Position> partiallyLiquidated(LoanEvents.PartiallyLiquidated partial) {
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

    public Uni<Position> closed(LoanEvents.LoanClosed closed) {
        return update(closed.loanId(), closed, closed.loanVersion(), p -> p.status = PositionStatus.CLOSED);
    }

    private Uni<Position> update(UUID loanId, EventPayload event, long loanVersion, Consumer<Position> change) {
        return require(loanId, event).invoke(p -> {
            if (loanVersion <= p.loanVersion) {
                Log.debugf("%s of loan %s at version %d ignored: version %d already applied", event.type(), loanId,
                        loanVersion, p.loanVersion);
                return;
            }
            change.accept(p);
            p.loanVersion = loanVersion;
        });
    }

    private Uni<Position> require(UUID loanId, EventPayload event) {
        return positions.findById(loanId).invoke(p -> {
            if (p == null) {
                throw new PoisonEventException(event.type() + " for loan " + loanId + ", which was never opened");
            }
        });
    }
}
