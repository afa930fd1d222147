package io.shortfall.notification.rest;

import io.shortfall.notification.Delivery;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * An email as operators see it. {@code attempts} counts failed attempts; {@code holdReason} says why a collection
 * email waits (quiet hours, the 7-in-7 cap) or was SUPPRESSED (a cease request).
 */
public record DeliveryView(@NotNull UUID id, @NotNull UUID notificationId, @NotNull String recipient,
                           @NotNull String status, @NotNull int attempts, @NotNull Instant nextAttemptAt,
                           Instant sentAt, String lastError, @NotNull Instant createdAt,
                           @NotNull boolean collection, String holdReason) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.notificationId, d.recipient, d.status.name(), d.attempts, d.nextAttemptAt,
                d.sentAt, d.lastError, d.createdAt, d.collection, d.holdReason);
    }
}
