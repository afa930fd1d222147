package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** The part of a payment that went to installment {@code n} (rewritten by a reversal's replay). */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(nullable = false)
    public int n;

    @Column(nullable = false)
    public BigDecimal amount;

    public static PaymentAllocation of(UUID paymentId, int n, BigDecimal amount) {
        PaymentAllocation allocation = new PaymentAllocation();
        allocation.id = UUID.randomUUID();
        allocation.paymentId = paymentId;
        allocation.n = n;
        allocation.amount = amount;
        return allocation;
    }
}
