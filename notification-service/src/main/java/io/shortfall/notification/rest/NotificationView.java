package io.shortfall.notification.rest;

import io.shortfall.notification.Delivery;
import io.shortfall.notification.Notification;

import java.time.Instant;
import java.util.UUID;

/** A feed item (API.md "Notification"): what the borrower was told, and what became of the email. */
public record NotificationView(UUID id, String type, String title, String body, Instant createdAt, boolean read,
                               Email email) {

    public record Email(String status, int attempts) {
    }

    public static NotificationView of(Notification notification, Delivery delivery) {
        return new NotificationView(notification.id, notification.type.name(), notification.title,
                notification.body, notification.createdAt, notification.readAt != null,
                delivery == null ? null : new Email(delivery.status.name(), delivery.attempts));
    }
}
