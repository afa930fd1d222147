package io.shortfall.liquidation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.liquidation.domain.PledgeSaleStatus;
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
 * A forfeited pledge to sell: one venue order ({@code pledge-<pledgeId>}), {@code PENDING} until it fills, then
 * {@code SOLD} at {@code price} for {@code proceeds} (quantity × price, down to the cent; no liquidation fee).
 */
@Entity
@Table(name = "pledge_sale")
public class PledgeSale extends PanacheEntityBase {

    @Id
    @Column(name = "pledge_id")
    public UUID pledgeId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "reference_price", nullable = false)
    public BigDecimal referencePrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PledgeSaleStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    public BigDecimal price;

    public BigDecimal proceeds;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "sold_at")
    public Instant soldAt;

    @Version
    public long version;

    public String clientOrderId() {
        return "pledge-" + pledgeId;
    }
}
