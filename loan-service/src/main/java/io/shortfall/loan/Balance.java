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

/** A borrower's USDT balance: a liquidation's surplus, withdrawable and usable to pay a debt case. */
@Entity
@Table(name = "balance")
public class Balance extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: a withdrawal racing a payment can never spend the same money twice. */
    @Version
    public long version;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "borrower_id", nullable = false)
        public String borrowerId;

        @Column(nullable = false)
        public String currency;

        public Key() {
        }

        public Key(String borrowerId, String currency) {
            this.borrowerId = borrowerId;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && borrowerId.equals(other.borrowerId) && currency.equals(other.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(borrowerId, currency);
        }
    }
}
