package io.shortfall.margin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.events.Thresholds;
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

    public BigDecimal debt() {
        return principal.add(accruedInterest);
    }

    public Thresholds thresholds() {
        return new Thresholds(initialLtv, warningLtv, marginCallLtv, liquidationLtv);
    }
}
