package io.shortfall.debt.rest;

import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.shortfall.events.DebtEvents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer (API.md, "Offer"): who made it, its terms and the exact schedule it would start.
 * {@code terms.amount} is what the schedule adds up to.
 */
public record OfferView(UUID id, String by, String kind, String status, DebtEvents.OfferTerms terms,
                        List<DebtEvents.ScheduledInstallment> schedule, Instant createdAt) {

    public static OfferView of(Offer offer, List<OfferInstallment> schedule) {
        return new OfferView(offer.id, offer.by, offer.kind, offer.status,
                new DebtEvents.OfferTerms(offer.installments, offer.frequency, offer.firstDueDate, offer.downPayment,
                        offer.amount, offer.note),
                schedule.stream().map(i -> new DebtEvents.ScheduledInstallment(i.n, i.dueDate, i.amount)).toList(),
                offer.createdAt);
    }
}
