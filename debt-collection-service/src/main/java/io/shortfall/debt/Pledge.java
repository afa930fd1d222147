package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.Pledging;
import io.shortfall.kit.rest.Problems;
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
 * Collateral the debtor pledged to secure a case, held by loan-service ({@link Pledging}). Its id is the one
 * loan-service gave it. Once sold: the average price, what it raised, what paid off the case (payment
 * {@code paymentId}) and what went back to the debtor's USDT balance.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "debtor_id", nullable = false)
    public String debtorId;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Pledging.Status status = Pledging.Status.OFFERED;

    /** The agent who accepted or declined it. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Why it was declined, released or forfeited. */
    public String reason;

    public BigDecimal price;

    public BigDecimal proceeds;

    public BigDecimal applied;

    public BigDecimal returned;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Moves the pledge at {@code at}, or refuses with 409 {@code pledge-<move>} naming its status. */
    public void move(Pledging.Move move, Instant at) {
        status = Pledging.next(status, move).orElseThrow(() -> Problems.conflict(
                "pledge-" + move.name().toLowerCase(), "pledge " + id + " is " + status + ": it cannot be "
                        + switch (move) {
                            case ACCEPT -> "accepted";
                            case DECLINE -> "declined";
                            case RELEASE -> "released";
                            case FORFEIT -> "forfeited";
                            case SELL -> "sold";
                        }));
        updatedAt = at;
    }
}
