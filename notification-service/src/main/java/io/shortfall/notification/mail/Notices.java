package io.shortfall.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;

import java.util.Optional;

/** Which events tell a borrower something, and what. */
public final class Notices {

    /**
     * The notice of {@code payload}, or empty for an event the borrower is not told about.
     *
     * @throws IllegalArgumentException when the event's numbers do not add up
     */
    public static Optional<Notice> of(EventPayload payload) {
        if (payload instanceof MarginEvents.ZoneChanged changed) {
            return "ORANGE".equals(changed.to()) ? Optional.of(OrangeWarning.of(changed)) : Optional.empty();
        }
        if (payload instanceof MarginEvents.MarginCall call) {
            return Optional.of(MarginCallNotice.of(call));
        }
        if (payload instanceof LoanEvents.LiquidationStarted started) {
            return Optional.of(LiquidationStartedNotice.of(started));
        }
        if (payload instanceof LiquidationEvents.LiquidationCompleted completed) {
            return Optional.of(ReceiptNotice.of(completed));
        }
        if (payload instanceof DebtEvents.DebtCaseOpened opened) {
            return Optional.of(NegativeBalanceNotice.of(opened));
        }
        return Optional.empty();
    }

    /** The notice of a stored notification: its event type and payload as JSON. */
    public static Notice stored(String eventType, String payloadJson) {
        Class<? extends EventPayload> type = EventTypes.byName(eventType)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType));
        try {
            EventPayload payload = EventJson.mapper().readValue(payloadJson, type);
            return of(payload).orElseThrow(() -> new IllegalStateException(eventType + " tells nothing"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + eventType + ": " + e.getOriginalMessage(), e);
        }
    }

    private Notices() {
    }
}
