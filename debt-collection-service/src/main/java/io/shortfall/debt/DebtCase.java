package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.CaseStatus;
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

/** A debt case: the negative balance one liquidation left, owed by its debtor. At most one per liquidation. */
@Entity
@Table(name = "debt_case")
public class DebtCase extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The borrower who owes it (the token subject of their requests). */
    @Column(name = "debtor_id", nullable = false)
    public String debtorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** The original negative balance. */
    @Column(nullable = false)
    public BigDecimal amount;

    /** What is still owed. */
    @Column(nullable = false)
    public BigDecimal outstanding;

    @Column(nullable = false)
    public String currency;

    @Column(name = "liquidation_id", nullable = false, unique = true)
    public UUID liquidationId;

    @Column(name = "loan_id", nullable = false)
    public UUID loanId;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Version
    public long version;
}
