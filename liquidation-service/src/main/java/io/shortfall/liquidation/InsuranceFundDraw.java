package io.shortfall.liquidation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The insurance fund absorbing the shortfall of one NON_RECOURSE liquidation (at most one per liquidation). */
@Entity
@Table(name = "insurance_fund_draw")
public class InsuranceFundDraw extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "liquidation_id", nullable = false)
    public UUID liquidationId;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "balance_after", nullable = false)
    public BigDecimal balanceAfter;

    @Column(name = "drawn_at", nullable = false)
    public Instant drawnAt;
}
