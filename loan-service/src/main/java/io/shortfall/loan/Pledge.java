package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.loan.domain.PledgeStatus;
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

/**
 * Collateral a borrower pledged from a reserve to secure a debt case, held by loan-service: {@code HELD} until the
 * case releases it ({@code RETURNED} to the reserve, {@code note} saying why) or forfeits it ({@code SELLING}, then
 * {@code SOLD} once the sale's proceeds were applied).
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PledgeStatus status;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
