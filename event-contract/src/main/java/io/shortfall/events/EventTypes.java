package io.shortfall.events;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event type of the contract, by its name on the wire. */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> BY_NAME = Stream.<Class<? extends EventPayload>>of(
                    PriceTick.class,
                    LoanEvents.LoanOpened.class, LoanEvents.BorrowerContact.class, LoanEvents.CollateralAdded.class,
                    LoanEvents.AutoIncreaseShort.class, LoanEvents.LoanRepaid.class, LoanEvents.InterestAccrued.class,
                    LoanEvents.AutoIncreaseChanged.class, LoanEvents.LiquidationStarted.class,
                    LoanEvents.LiquidationDeclined.class, LoanEvents.LoanClosed.class,
                    LoanEvents.PartiallyLiquidated.class, LoanEvents.BalanceChanged.class,
                    LoanEvents.DebtPaidFromBalance.class, LoanEvents.CollateralPledged.class,
                    LoanEvents.PledgeSaleRequested.class,
                    MarginEvents.ZoneChanged.class, MarginEvents.MarginCall.class,
                    MarginEvents.AutoIncreaseRequested.class, MarginEvents.LiquidationTriggered.class,
                    MarginEvents.BreakerTripped.class, MarginEvents.BreakerReset.class,
                    LiquidationEvents.LiquidationCompleted.class, LiquidationEvents.NegativeBalanceRecorded.class,
                    LiquidationEvents.InsuranceFundDrawn.class, LiquidationEvents.PledgeSold.class,
                    DebtEvents.DebtCaseOpened.class, DebtEvents.OfferMade.class, DebtEvents.OfferAccepted.class,
                    DebtEvents.OfferRejected.class, DebtEvents.PlanStarted.class, DebtEvents.InstallmentDueSoon.class,
                    DebtEvents.InstallmentDue.class, DebtEvents.InstallmentOverdue.class,
                    DebtEvents.PaymentReceived.class, DebtEvents.PaymentReversed.class, DebtEvents.PlanBroken.class,
                    DebtEvents.DebtSettled.class, DebtEvents.DebtWrittenOff.class, DebtEvents.CaseHeld.class,
                    DebtEvents.CaseReleased.class, DebtEvents.BalancePaymentApplied.class,
                    DebtEvents.BalancePaymentReturned.class, DebtEvents.CaseEscalated.class,
                    DebtEvents.CaseRecalled.class, DebtEvents.PledgeAccepted.class,
                    DebtEvents.PledgeReleased.class, DebtEvents.PledgeForfeited.class,
                    DebtEvents.PledgeProceedsApplied.class,
                    NotificationEvents.EmailSent.class, NotificationEvents.PreferencesChanged.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    public static Optional<Class<? extends EventPayload>> byName(String type) {
        return Optional.ofNullable(type).map(BY_NAME::get);
    }

    public static boolean isKnown(String type) {
        return type != null && BY_NAME.containsKey(type);
    }

    private EventTypes() {
    }
}
