package io.shortfall.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.notification.domain.NotificationType;
import io.shortfall.notification.domain.Zones;

import java.util.Optional;

/**
 * Which events tell a borrower something, and what. Every type of every topic is decided here once, in one
 * exhaustive {@code switch} per topic: a type added to the contract fails to compile until it is decided.
 */
public final class Notices {

    /** What an event of one type tells its borrower: a notice, or none (some events of a type tell, others not). */
    @FunctionalInterface
    private interface Telling {
        Optional<Notice> of(EventPayload payload);
    }

    /** The types that never tell anything; they are not read at all. */
    private static final Telling NOTHING = payload -> Optional.empty();

    /** Whether an event of this type may tell a borrower something; every other type is ignored without being read. */
    public static boolean mayTell(EventEnvelope envelope) {
        return telling(envelope.type()) != NOTHING;
    }

    /**
     * The notice of {@code payload}, or empty for an event the borrower is not told about.
     *
     * @throws IllegalArgumentException when the event's numbers do not add up
     */
    public static Optional<Notice> of(EventPayload payload) {
        return telling(payload.type()).of(payload);
    }

    private static Telling telling(String type) {
        return EventTypes.typeOf(type, LoanEvents.Type.class).map(Notices::loan)
                .or(() -> EventTypes.typeOf(type, MarginEvents.Type.class).map(Notices::margin))
                .or(() -> EventTypes.typeOf(type, LiquidationEvents.Type.class).map(Notices::liquidation))
                .or(() -> EventTypes.typeOf(type, DebtEvents.Type.class).map(Notices::debt))
                .or(() -> EventTypes.typeOf(type, NotificationEvents.Type.class).map(Notices::notification))
                .orElse(NOTHING);
    }

    private static Telling loan(LoanEvents.Type type) {
        return switch (type) {
            case LIQUIDATION_STARTED ->
                    p -> Optional.of(LiquidationStartedNotice.of((LoanEvents.LiquidationStarted) p));
            // only a top-up made automatically is news: the borrower made the others themselves
            case COLLATERAL_ADDED -> p -> LoanEvents.CollateralAdded.AUTO_INCREASE
                    .equals(((LoanEvents.CollateralAdded) p).source())
                    ? Optional.of(AutoTopUpDoneNotice.of((LoanEvents.CollateralAdded) p)) : Optional.empty();
            case AUTO_INCREASE_SHORT -> p -> Optional.of(AutoTopUpShortNotice.of((LoanEvents.AutoIncreaseShort) p));
            case LOAN_OPENED, BORROWER_CONTACT, LOAN_REPAID, INTEREST_ACCRUED, AUTO_INCREASE_CHANGED,
                 LIQUIDATION_DECLINED, BALANCE_CHANGED, DEBT_PAID_FROM_BALANCE, COLLATERAL_PLEDGED,
                 PLEDGE_SALE_REQUESTED, LOAN_CLOSED, PARTIALLY_LIQUIDATED -> NOTHING;
        };
    }

    private static Telling margin(MarginEvents.Type type) {
        return switch (type) {
            case ZONE_CHANGED -> p -> zoneChanged((MarginEvents.ZoneChanged) p);
            case MARGIN_CALL -> p -> Optional.of(MarginCallNotice.of((MarginEvents.MarginCall) p));
            case AUTO_INCREASE_REQUESTED, LIQUIDATION_TRIGGERED, BREAKER_TRIPPED, BREAKER_RESET -> NOTHING;
        };
    }

    /**
     * A recovery (to a better zone) is told as one; only entering ORANGE from GREEN is the warning; a move to RED is
     * told by its margin call.
     */
    private static Optional<Notice> zoneChanged(MarginEvents.ZoneChanged changed) {
        if (Zones.isRecovery(changed.from(), changed.to())) {
            return Optional.of(ZoneRecoveredNotice.of(changed));
        }
        return "ORANGE".equals(changed.to()) ? Optional.of(OrangeWarning.of(changed)) : Optional.empty();
    }

    private static Telling liquidation(LiquidationEvents.Type type) {
        return switch (type) {
            case LIQUIDATION_COMPLETED ->
                    p -> Optional.of(ReceiptNotice.of((LiquidationEvents.LiquidationCompleted) p));
            case NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN, PLEDGE_SOLD -> NOTHING;
        };
    }

    private static Telling debt(DebtEvents.Type type) {
        return switch (type) {
            case DEBT_CASE_OPENED -> p -> Optional.of(NegativeBalanceNotice.of((DebtEvents.DebtCaseOpened) p));
            // the debtor's own proposal is not news to them; an agent's offer or counter-offer is
            case OFFER_MADE -> p -> "DEBTOR".equals(((DebtEvents.OfferMade) p).by()) ? Optional.empty()
                    : Optional.of(OfferReceivedNotice.of((DebtEvents.OfferMade) p));
            case PLAN_STARTED -> p -> Optional.of(PlanAcceptedNotice.of((DebtEvents.PlanStarted) p));
            case INSTALLMENT_DUE_SOON -> p -> {
                var soon = (DebtEvents.InstallmentDueSoon) p;
                return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_DUE_SOON, soon.caseId(),
                        soon.debtorId(), soon.n(), soon.dueDate(), soon.amount(), soon.daysPastDue()));
            };
            case INSTALLMENT_DUE -> p -> {
                var due = (DebtEvents.InstallmentDue) p;
                return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_DUE, due.caseId(),
                        due.debtorId(), due.n(), due.dueDate(), due.amount(), due.daysPastDue()));
            };
            // debt-collection-service's reminder policy (1, 7 and 14 days by default) decides when; not repeated here
            case INSTALLMENT_OVERDUE -> p -> {
                var overdue = (DebtEvents.InstallmentOverdue) p;
                return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_OVERDUE, overdue.caseId(),
                        overdue.debtorId(), overdue.n(), overdue.dueDate(), overdue.amount(), overdue.daysPastDue()));
            };
            case PAYMENT_RECEIVED -> p -> Optional.of(PaymentReceivedNotice.of((DebtEvents.PaymentReceived) p));
            case PLAN_BROKEN -> p -> Optional.of(PlanBrokenNotice.of((DebtEvents.PlanBroken) p));
            case DEBT_SETTLED -> p -> Optional.of(DebtSettledNotice.of((DebtEvents.DebtSettled) p));
            case DEBT_WRITTEN_OFF -> p -> Optional.of(DebtWrittenOffNotice.of((DebtEvents.DebtWrittenOff) p));
            case CASE_ESCALATED -> p -> Optional.of(CaseEscalatedNotice.of((DebtEvents.CaseEscalated) p));
            case PLEDGE_ACCEPTED -> p -> Optional.of(PledgeNotice.accepted((DebtEvents.PledgeAccepted) p));
            case PLEDGE_RELEASED -> p -> Optional.of(PledgeNotice.released((DebtEvents.PledgeReleased) p));
            case PLEDGE_PROCEEDS_APPLIED -> p -> Optional.of(PledgeNotice.sold((DebtEvents.PledgeProceedsApplied) p));
            case OFFER_ACCEPTED, OFFER_REJECTED, BALANCE_PAYMENT_APPLIED, BALANCE_PAYMENT_RETURNED,
                 PAYMENT_REVERSED, CASE_HELD, CASE_RELEASED, CASE_RECALLED, PLEDGE_FORFEITED -> NOTHING;
        };
    }

    private static Telling notification(NotificationEvents.Type type) {
        return switch (type) {
            case EMAIL_SENT, PREFERENCES_CHANGED -> NOTHING;
        };
    }

    /** The notice of a stored notification: its event type and payload as JSON. */
    public static Notice stored(String eventType, String payloadJson) {
        return stored(eventType, tree(eventType, payloadJson));
    }

    /** The notice of a stored notification whose payload is already read. */
    public static Notice stored(String eventType, JsonNode payloadTree) {
        Class<? extends EventPayload> type = EventTypes.byName(eventType)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + eventType));
        try {
            EventPayload payload = EventJson.mapper().treeToValue(payloadTree, type);
            return of(payload).orElseThrow(() -> new IllegalStateException(eventType + " tells nothing"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + eventType + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A stored payload, read as a JSON tree. */
    public static JsonNode tree(String eventType, String payloadJson) {
        try {
            return EventJson.mapper().readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + eventType + ": " + e.getOriginalMessage(), e);
        }
    }

    private Notices() {
    }
}
