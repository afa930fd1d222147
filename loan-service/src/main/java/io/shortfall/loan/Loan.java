package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.events.Thresholds;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.Zone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A loan against crypto collateral. loan-service is its only writer.
 * <p>
 * Updates write only the columns that changed ({@link DynamicUpdate}), so the zone margin-service reports,
 * which is no change of the loan's money and takes no part in its optimistic lock, and a borrower's change
 * racing it neither undo nor fail each other.
 */
@Entity
@DynamicUpdate
@Table(name = "loan")
public class Loan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoanStatus status;

    @Column(name = "collateral_asset", nullable = false)
    public String collateralAsset;

    @Column(name = "collateral_amount", nullable = false)
    public BigDecimal collateralAmount;

    @Column(nullable = false)
    public BigDecimal principal;

    @Column(name = "accrued_interest", nullable = false)
    public BigDecimal accruedInterest;

    /** Interest is accrued through the end of the day before this date (UTC), i.e. up to its start. */
    @Column(name = "interest_accrued_through", nullable = false)
    public LocalDate interestAccruedThrough;

    /** Interest below a cent not yet owed, exactly, as a numerator over 365 (see {@code Interest}). */
    @Column(name = "interest_carry", nullable = false)
    public BigDecimal interestCarry;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal apr;

    @Column(name = "initial_ltv", nullable = false)
    public BigDecimal initialLtv;

    @Column(name = "warning_ltv", nullable = false)
    public BigDecimal warningLtv;

    @Column(name = "margin_call_ltv", nullable = false)
    public BigDecimal marginCallLtv;

    @Column(name = "liquidation_ltv", nullable = false)
    public BigDecimal liquidationLtv;

    @Column(name = "liquidation_policy", nullable = false)
    public String liquidationPolicy;

    @Column(nullable = false)
    public String recourse;

    @Column(name = "auto_increase", nullable = false)
    public boolean autoIncrease;

    /** The zone margin-service last reported: not versioned (no 409 for a borrower repaying during a crash). */
    @OptimisticLock(excluded = true)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Zone zone;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** What the liquidation credited back to the borrower, when it sold for more than the debt and fee. */
    @Column(name = "liquidation_surplus")
    public BigDecimal liquidationSurplus;

    /** What the liquidation left owing (a negative balance, collected by debt-collection-service). */
    @Column(name = "liquidation_shortfall")
    public BigDecimal liquidationShortfall;

    /** Optimistic lock: two changes racing on one loan can never both win. Also each event's loanVersion. */
    @Version
    public long version;

    public BigDecimal debt() {
        return principal.add(accruedInterest);
    }

    public boolean isActive() {
        return status == LoanStatus.ACTIVE;
    }

    public boolean isClosed() {
        return status == LoanStatus.LIQUIDATED || status == LoanStatus.REPAID;
    }

    /** The thresholds the loan was opened with, exactly. */
    public Thresholds thresholds() {
        return new Thresholds(initialLtv, warningLtv, marginCallLtv, liquidationLtv);
    }
}
