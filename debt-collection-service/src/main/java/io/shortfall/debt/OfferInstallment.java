package io.shortfall.debt;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One payment of an offer's schedule. */
@Entity
@Table(name = "offer_installment")
public class OfferInstallment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    @Column(nullable = false)
    public int n;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal amount;
}
