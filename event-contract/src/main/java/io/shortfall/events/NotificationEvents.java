package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.time.Instant;
import java.util.UUID;

/** {@code notification.events}, produced by notification-service, keyed by borrower id. */
public sealed interface NotificationEvents extends EventPayload {

    /**
     * An email the mail server accepted. {@code aboutEventId} and {@code aboutEventType} name the event it told of;
     * {@code loanId} and {@code caseId} the loan or debt case it was about (null when it was about none), so each
     * can be put on that timeline. The address is not carried: the borrower's contact holds it.
     */
    @JsonTypeName("EmailSent")
    public record EmailSent(UUID deliveryId, String borrowerId, String notificationType, String subject,
                            UUID aboutEventId, String aboutEventType, UUID loanId, UUID caseId, Instant sentAt)
            implements NotificationEvents, KeyedByBorrower {
    }

    /**
     * The borrower chose their time zone or language (null: not chosen, so it follows the one their identity
     * provider gives, as loan-service's {@code BorrowerContact} says). The zone chosen is the borrower's one zone
     * of record: due dates, ageing and emails all count days in it.
     */
    @JsonTypeName("PreferencesChanged")
    public record PreferencesChanged(String borrowerId, String timeZone, String locale)
            implements NotificationEvents, KeyedByBorrower {
    }

    /**
     * Every type of {@code notification.events} by its wire name (see {@link LoanEvents.Type}). A consumer
     * switches over these ({@link EventEnvelope#typeIn}), naming each one: a type added here fails to compile
     * wherever it is not handled.
     */
    enum Type {
        EMAIL_SENT, PREFERENCES_CHANGED
    }
}
