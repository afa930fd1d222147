package io.shortfall.events;

import java.time.Instant;
import java.util.UUID;

/** {@code notification.events}, produced by notification-service, keyed by borrower id. */
public final class NotificationEvents {

    /**
     * An email the mail server accepted. {@code aboutEventId} and {@code aboutEventType} name the event it told of;
     * {@code loanId} and {@code caseId} the loan or debt case it was about (null when it was about none), so each
     * can be put on that timeline. The address is not carried: the borrower's contact holds it.
     */
    public record EmailSent(UUID deliveryId, String borrowerId, String notificationType, String subject,
                            UUID aboutEventId, String aboutEventType, UUID loanId, UUID caseId, Instant sentAt)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return borrowerId;
        }
    }

    /**
     * The borrower chose their time zone or language (null: not chosen, so it follows the one their identity
     * provider gives, as loan-service's {@code BorrowerContact} says). The zone chosen is the borrower's one zone
     * of record: due dates, ageing and emails all count days in it.
     */
    public record PreferencesChanged(String borrowerId, String timeZone, String locale) implements EventPayload {
        @Override
        public String aggregateId() {
            return borrowerId;
        }
    }

    private NotificationEvents() {
    }
}
