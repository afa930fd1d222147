package io.shortfall.debt.rest;

import io.shortfall.debt.Pledge;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Collateral pledged to secure the case (quantity and amounts as JSON strings). {@code status}: {@code OFFERED}
 * (waiting for an agent), {@code ACCEPTED} (secures the case until it is settled), {@code DECLINED} or
 * {@code RELEASED} (back in the debtor's reserve; {@code reason} says why), {@code FORFEITED} (the plan broke: being
 * sold), {@code SOLD}: at {@code price} each for {@code proceeds}, of which {@code applied} paid off the debt
 * (payment {@code paymentId}) and {@code returned} went to the debtor's USDT balance. {@code live}: the pledge
 * secures the case or is being sold ({@code OFFERED}, {@code ACCEPTED}, {@code FORFEITED}); a case has one at most.
 */
public record PledgeView(@NotNull UUID id, @NotNull String asset, @NotNull BigDecimal quantity,
                         @NotNull
                         @Schema(enumeration = {"OFFERED", "ACCEPTED", "DECLINED", "RELEASED", "FORFEITED", "SOLD"})
                         String status, String decidedBy, Instant decidedAt, String reason, BigDecimal price,
                         BigDecimal proceeds, BigDecimal applied, BigDecimal returned, UUID paymentId,
                         @NotNull Instant createdAt, @NotNull Instant updatedAt, @NotNull boolean live) {

    public static PledgeView of(Pledge p) {
        return new PledgeView(p.id, p.asset, p.quantity, p.status.name(), p.decidedBy, p.decidedAt, p.reason, p.price,
                p.proceeds, p.applied, p.returned, p.paymentId, p.createdAt, p.updatedAt, p.status.isLive());
    }
}
