package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.loan.domain.BalanceEntryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One movement of a borrower's USDT balance ({@code LoanEvents.BalanceChanged} kinds), signed. A payment to a debt
 * case is {@code PENDING} until debt-collection-service applies it ({@code APPLIED}) or returns it
 * ({@code RETURNED}, with a {@code DEBT_PAYMENT_RETURNED} entry giving it back); every other entry is {@code DONE}.
 */
@Entity
@Table(name = "balance_entry")
public class BalanceEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "balance_after", nullable = false)
    public BigDecimal balanceAfter;

    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BalanceEntryStatus status;

    /** Why a debt payment was returned. */
    public String note;

    @Column(nullable = false)
    public Instant at;
}
