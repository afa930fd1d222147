package io.shortfall.debt.rest;

import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.shortfall.debt.domain.OfferStatus;
import io.shortfall.events.DebtEvents;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer (docs/API.md, "Offer"): who made it, its terms and the exact schedule it would start, and how it was
 * decided. {@code terms.amount} is what the schedule adds up to; {@code terms.installments} counts every
 * payment, the down payment included.
 *
 * @param author    who made it: {@code SYSTEM}, the debtor's id or the agent's id
 * @param counterOf the offer this one answers (and rejected)
 * @param reason    why it was rejected, withdrawn, referred to an agent or held for a supervisor
 */
public record OfferView(@NotNull UUID id, @NotNull String by, @NotNull String kind, @NotNull String status,
                        @NotNull DebtEvents.OfferTerms terms, @NotNull List<DebtEvents.ScheduledInstallment> schedule,
                        @NotNull Instant createdAt, String author, UUID counterOf, Instant expiresAt, String decidedBy,
                        Instant decidedAt, String reason) {

    /** The offer as of {@code now}: an open offer past its expiry shows {@code EXPIRED} (the daily round records it). */
    public static OfferView of(Offer offer, List<OfferInstallment> schedule, Instant now) {
        boolean expired = offer.status == OfferStatus.OPEN && !offer.isOpenAt(now);
        return new OfferView(offer.id, offer.by, offer.kind, (expired ? OfferStatus.EXPIRED : offer.status).name(),
                new DebtEvents.OfferTerms(offer.installments, offer.frequency, offer.firstDueDate, offer.downPayment,
                        offer.amount, offer.note),
                schedule.stream().map(i -> new DebtEvents.ScheduledInstallment(i.n, i.dueDate, i.amount)).toList(),
                offer.createdAt, offer.authorId, offer.counterOf, offer.expiresAt, offer.decidedBy, offer.decidedAt,
                offer.reason);
    }
}
