package io.shortfall.loan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A borrower's collateral reserve in one asset: what auto increase moves into their loans. */
@Entity
@Table(name = "reserve")
public class Reserve extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public BigDecimal balance;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: a deposit racing an auto increase can never lose either. */
    @Version
    public long version;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "borrower_id", nullable = false)
        public String borrowerId;

        @Column(nullable = false)
        public String asset;

        public Key() {
        }

        public Key(String borrowerId, String asset) {
            this.borrowerId = borrowerId;
            this.asset = asset;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && borrowerId.equals(other.borrowerId) && asset.equals(other.asset);
        }

        @Override
        public int hashCode() {
            return Objects.hash(borrowerId, asset);
        }
    }
}
