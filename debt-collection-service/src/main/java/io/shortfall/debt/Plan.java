package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.shortfall.debt.domain.PlanStatus;
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

/** What an accepted offer started: a schedule to pay ({@link PlanInstallment}). At most one live per case. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {


    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    /** The offer's kind: {@code PAY_IN_FULL}, {@code INSTALLMENTS} or {@code SETTLEMENT}. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status = PlanStatus.ACTIVE;

    /** What the schedule adds up to. */
    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    public boolean isLive() {
        return status.live();
    }

    /**
     * The plan becomes {@code next} at {@code at} (staying where it is is no move): a plan that ends
     * (completed, broken, cancelled) ends then, one live again has no end; refused (409 {@code illegal-move}) when
     * the move does not exist.
     */
    public void moveTo(PlanStatus next, Instant at) {
        if (next == status) {
            return;
        }
        status = StatusMoves.checked("plan", id, status, next);
        endedAt = next.live() ? null : at;
    }
}
