package io.shortfall.liquidation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The insurance fund of one currency. Created with the configured initial balance on its first draw; its
 * balance may go below zero (the platform still absorbs a NON_RECOURSE shortfall; operators see the deficit).
 */
@Entity
@Table(name = "insurance_fund")
public class InsuranceFund extends PanacheEntityBase {

    @Id
    public String currency;

    @Column(nullable = false)
    public BigDecimal balance;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
