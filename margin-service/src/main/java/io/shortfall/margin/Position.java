package io.shortfall.margin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.Boundaries;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginEngine;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A loan as margin-service watches it: projected from {@code loan.events}, one per loan. */
@Entity
@Table(name = "position")
public class Position extends PanacheEntityBase {

    @Id
    @Column(name = "loan_id")
    public UUID loanId;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(name = "collateral_asset", nullable = false)
    public String collateralAsset;

    @Column(name = "collateral_amount", nullable = false)
    public BigDecimal collateralAmount;

    @Column(nullable = false)
    public BigDecimal principal;

    @Column(name = "accrued_interest", nullable = false)
    public BigDecimal accruedInterest;

    @Column(name = "initial_ltv", nullable = false)
    public BigDecimal initialLtv;

    @Column(name = "warning_ltv", nullable = false)
    public BigDecimal warningLtv;

    @Column(name = "margin_call_ltv", nullable = false)
    public BigDecimal marginCallLtv;

    @Column(name = "liquidation_ltv", nullable = false)
    public BigDecimal liquidationLtv;

    @Column(name = "auto_increase", nullable = false)
    public boolean autoIncrease;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Zone zone;

    /** Liquidation was triggered and not declined since: it is not triggered again. */
    @Column(nullable = false)
    public boolean triggered;

    @Column(name = "triggered_at")
    public Instant triggeredAt;

    /** The observation time of the tick that made the last margin call of the current RED stretch. */
    @Column(name = "last_margin_call_at")
    public Instant lastMarginCallAt;

    @Column(name = "margin_call_repeat", nullable = false)
    public int marginCallRepeat;

    /** The {@code loanVersion} of the last loan event applied: older and repeated events are ignored. */
    @Column(name = "loan_version", nullable = false)
    public long loanVersion;

    /** Optimistic lock: a tick and a loan event racing on one position cannot both win. */
    @Version
    public long version;

    // The prices at which the loan crosses its thresholds (Boundaries), as price keys; null until computed.
    @Column(name = "orange_at")
    public Long orangeAt;

    @Column(name = "red_at")
    public Long redAt;

    @Column(name = "liquidation_at")
    public Long liquidationAt;

    @Column(name = "orange_released_at")
    public Long orangeReleasedAt;

    @Column(name = "red_released_at")
    public Long redReleasedAt;

    // When the loan must next be decided (MarginEngine.Keys): the index a price or the clock is looked up by.
    @Column(name = "falls_at")
    public Long fallsAt;

    @Column(name = "rises_at")
    public Long risesAt;

    @Column(name = "call_due_at")
    public Instant callDueAt;

    /**
     * At its liquidation LTV but not triggered (a stale price, a tripped breaker, or loan-service declined it): its
     * liquidation is decided again on a fresh price newer than {@link #heldThrough} with the breaker closed.
     */
    @Column(name = "trigger_held", nullable = false)
    public boolean triggerHeld;

    /** The observation time of the price it was held at; null once any fresh price may release it. */
    @Column(name = "held_through")
    public Instant heldThrough;

    public BigDecimal debt() {
        return principal.add(accruedInterest);
    }

    public Thresholds thresholds() {
        return new Thresholds(initialLtv, warningLtv, marginCallLtv, liquidationLtv);
    }

    public boolean hasCollateral() {
        return collateralAmount.signum() > 0;
    }

    /** Its boundaries, computed anew from its debt, collateral and thresholds (after any change of them). */
    public void bound(MarginAssessor assessor) {
        Boundaries b = assessor.boundaries(debt(), collateralAmount, thresholds());
        orangeAt = b.orangeAt();
        redAt = b.redAt();
        liquidationAt = b.liquidationAt();
        orangeReleasedAt = b.orangeReleasedAt();
        redReleasedAt = b.redReleasedAt();
    }

    public Boundaries boundaries() {
        return new Boundaries(orangeAt, redAt, liquidationAt, orangeReleasedAt, redReleasedAt);
    }

    public MarginEngine.State state() {
        return new MarginEngine.State(zone, status, triggered, triggerHeld, autoIncrease, lastMarginCallAt,
                marginCallRepeat);
    }

    /** When it must next be decided, from its state now. */
    public void rekey(MarginEngine engine) {
        MarginEngine.Keys keys = orangeAt == null ? MarginEngine.Keys.NONE
                : engine.keys(state(), boundaries(), hasCollateral());
        fallsAt = keys.fallsAt();
        risesAt = keys.risesAt();
        callDueAt = keys.callDueAt();
    }
}
