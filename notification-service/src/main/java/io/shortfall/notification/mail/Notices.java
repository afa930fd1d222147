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

/** Which events tell a borrower something, and what. */
public final class Notices {

    /**
     * Whether an event of this type may tell a borrower something; every other type is ignored without being read.
     * Every type of every topic is decided here: a type added to the contract fails to compile until it is.
     */
    public static boolean mayTell(EventEnvelope envelope) {
        return envelope.typeIn(LoanEvents.Type.class).map(type -> switch (type) {
                    case LIQUIDATION_STARTED, COLLATERAL_ADDED, AUTO_INCREASE_SHORT -> true;
                    case LOAN_OPENED, BORROWER_CONTACT, LOAN_REPAID, INTEREST_ACCRUED, AUTO_INCREASE_CHANGED,
                         LIQUIDATION_DECLINED, BALANCE_CHANGED, DEBT_PAID_FROM_BALANCE, COLLATERAL_PLEDGED,
                         PLEDGE_SALE_REQUESTED, LOAN_CLOSED, PARTIALLY_LIQUIDATED -> false;
                })
                .or(() -> envelope.typeIn(MarginEvents.Type.class).map(type -> switch (type) {
                    case ZONE_CHANGED, MARGIN_CALL -> true;
                    case AUTO_INCREASE_REQUESTED, LIQUIDATION_TRIGGERED, BREAKER_TRIPPED, BREAKER_RESET -> false;
                }))
                .or(() -> envelope.typeIn(LiquidationEvents.Type.class).map(type -> switch (type) {
                    case LIQUIDATION_COMPLETED -> true;
                    case NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN, PLEDGE_SOLD -> false;
                }))
                .or(() -> envelope.typeIn(DebtEvents.Type.class).map(type -> switch (type) {
                    case DEBT_CASE_OPENED, OFFER_MADE, PLAN_STARTED, INSTALLMENT_DUE_SOON, INSTALLMENT_DUE,
                         INSTALLMENT_OVERDUE, PAYMENT_RECEIVED, PLAN_BROKEN, DEBT_SETTLED, DEBT_WRITTEN_OFF,
                         CASE_ESCALATED, PLEDGE_ACCEPTED, PLEDGE_RELEASED, PLEDGE_PROCEEDS_APPLIED -> true;
                    case OFFER_ACCEPTED, OFFER_REJECTED, BALANCE_PAYMENT_APPLIED, BALANCE_PAYMENT_RETURNED,
                         PAYMENT_REVERSED, CASE_HELD, CASE_RELEASED, CASE_RECALLED, PLEDGE_FORFEITED -> false;
                }))
                .or(() -> envelope.typeIn(NotificationEvents.Type.class).map(type -> switch (type) {
                    case EMAIL_SENT, PREFERENCES_CHANGED -> false;
                }))
                .orElse(false);
    }

    /**
     * The notice of {@code payload}, or empty for an event the borrower is not told about.
     *
     * @throws IllegalArgumentException when the event's numbers do not add up
     */
    public static Optional<Notice> of(EventPayload payload) {
        if (payload instanceof MarginEvents.ZoneChanged changed) {
            // A recovery (to a better zone) is told as one; only entering ORANGE from GREEN is the warning; a move
            // to RED is told by its margin call.
            if (Zones.isRecovery(changed.from(), changed.to())) {
                return Optional.of(ZoneRecoveredNotice.of(changed));
            }
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
        if (payload instanceof LoanEvents.CollateralAdded added) {
            return LoanEvents.CollateralAdded.AUTO_INCREASE.equals(added.source())
                    ? Optional.of(AutoTopUpDoneNotice.of(added)) : Optional.empty();
        }
        if (payload instanceof LoanEvents.AutoIncreaseShort shortOf) {
            return Optional.of(AutoTopUpShortNotice.of(shortOf));
        }
        if (payload instanceof DebtEvents.OfferMade made) {
            // The debtor's own proposal is not news to them; an agent's offer or counter-offer is.
            return "DEBTOR".equals(made.by()) ? Optional.empty() : Optional.of(OfferReceivedNotice.of(made));
        }
        if (payload instanceof DebtEvents.PlanStarted started) {
            return Optional.of(PlanAcceptedNotice.of(started));
        }
        if (payload instanceof DebtEvents.InstallmentDueSoon soon) {
            return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_DUE_SOON, soon.caseId(),
                    soon.debtorId(), soon.n(), soon.dueDate(), soon.amount(), soon.daysPastDue()));
        }
        if (payload instanceof DebtEvents.InstallmentDue due) {
            return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_DUE, due.caseId(),
                    due.debtorId(), due.n(), due.dueDate(), due.amount(), due.daysPastDue()));
        }
        if (payload instanceof DebtEvents.InstallmentOverdue overdue) {
            // debt-collection-service's reminder policy (1, 7 and 14 days by default) decides when; not repeated here.
            return Optional.of(InstallmentReminderNotice.of(NotificationType.INSTALLMENT_OVERDUE, overdue.caseId(),
                    overdue.debtorId(), overdue.n(), overdue.dueDate(), overdue.amount(), overdue.daysPastDue()));
        }
        if (payload instanceof DebtEvents.PaymentReceived received) {
            return Optional.of(PaymentReceivedNotice.of(received));
        }
        if (payload instanceof DebtEvents.PlanBroken broken) {
            return Optional.of(PlanBrokenNotice.of(broken));
        }
        if (payload instanceof DebtEvents.DebtSettled settled) {
            return Optional.of(DebtSettledNotice.of(settled));
        }
        if (payload instanceof DebtEvents.DebtWrittenOff writtenOff) {
            return Optional.of(DebtWrittenOffNotice.of(writtenOff));
        }
        if (payload instanceof DebtEvents.CaseEscalated escalated) {
            return Optional.of(CaseEscalatedNotice.of(escalated));
        }
        if (payload instanceof DebtEvents.PledgeAccepted accepted) {
            return Optional.of(PledgeNotice.accepted(accepted));
        }
        if (payload instanceof DebtEvents.PledgeReleased released) {
            return Optional.of(PledgeNotice.released(released));
        }
        if (payload instanceof DebtEvents.PledgeProceedsApplied sold) {
            return Optional.of(PledgeNotice.sold(sold));
        }
        return Optional.empty();
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
