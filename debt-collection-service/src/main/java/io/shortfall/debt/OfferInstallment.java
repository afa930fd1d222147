package io.shortfall.debt;

import io.shortfall.debt.domain.Installment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** One payment of an offer's schedule. */
@Entity
@Table(name = "offer_installment")
public class OfferInstallment extends InstallmentRow {

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    public static OfferInstallment of(UUID offerId, Installment installment) {
        OfferInstallment row = new OfferInstallment();
        row.scheduled(installment);
        row.offerId = offerId;
        return row;
    }
}
