package io.shortfall.notification.rest;

import io.quarkus.logging.Log;
import io.shortfall.notification.Delivery;
import io.shortfall.notification.Notification;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.mail.Notice;
import io.shortfall.notification.mail.Notices;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A feed item (docs/API.md "Notification"): what the borrower was told, in their language, and what became of the email.
 */
public record NotificationView(@NotNull UUID id, @NotNull String type, @NotNull String title, @NotNull String body,
                               @NotNull Instant createdAt, @NotNull boolean read, Email email) {

    public record Email(@NotNull String status, @NotNull int attempts) {
    }

    public static NotificationView of(Notification notification, Delivery delivery) {
        return of(notification, delivery, Lang.EN);
    }

    /**
     * The item in {@code lang}: English as stored; another language rendered again from the event's payload (kept
     * on the notification), or the stored English should that fail.
     */
    public static NotificationView of(Notification notification, Delivery delivery, Lang lang) {
        String title = notification.title;
        String body = notification.body;
        if (lang != Lang.EN) {
            try {
                Notice notice = Notices.stored(notification.eventType, notification.payload);
                title = notice.title(lang);
                body = notice.summary(lang);
            } catch (RuntimeException e) {
                Log.warnf("notification %s stays in English: %s", notification.id, e.toString());
            }
        }
        return new NotificationView(notification.id, notification.type.name(), title, body, notification.createdAt,
                notification.readAt != null, delivery == null ? null : new Email(delivery.status.name(),
                delivery.attempts));
    }
}
