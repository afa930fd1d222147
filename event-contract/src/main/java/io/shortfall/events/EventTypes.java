package io.shortfall.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every event type of the contract, by its name on the wire (each record's {@code @JsonTypeName}): the records of the
 * five topics' sealed interfaces and {@link PriceTick}. {@code EventTypesTest} checks this list holds every one.
 */
public final class EventTypes {

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null || name.value().isBlank()) {
                throw new IllegalStateException(type.getName() + " has no @JsonTypeName: its name on the wire");
            }
            return name.value();
        }
    };

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
            .collect(Collectors.toUnmodifiableMap(EventTypes::nameOf, Function.identity()));

    /** Each topic's {@code Type} constants by the wire name they stand for ({@code LOAN_OPENED}: {@code LoanOpened}). */
    private static final ClassValue<Map<String, Enum<?>>> TOPIC_TYPES = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> topicTypes) {
            return Stream.of(topicTypes.getEnumConstants()).map(c -> (Enum<?>) c)
                    .collect(Collectors.toUnmodifiableMap(c -> wireName(c.name()), Function.identity()));
        }
    };

    /** The constant of a topic's {@code Type} enum that stands for wire name {@code type}, if the topic has it. */
    public static <T extends Enum<T>> Optional<T> typeOf(String type, Class<T> topicTypes) {
        return Optional.ofNullable(type).map(TOPIC_TYPES.get(topicTypes)::get).map(topicTypes::cast);
    }

    /** The wire name a topic's {@code Type} constant stands for: {@code LOAN_OPENED}'s is {@code LoanOpened}. */
    public static String nameOf(Enum<?> type) {
        return wireName(type.name());
    }

    /** {@code LOAN_OPENED}'s wire name: {@code LoanOpened}. */
    static String wireName(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    /** The name on the wire of an event type. */
    public static String nameOf(Class<? extends EventPayload> type) {
        return NAMES.get(type);
    }

    public static Optional<Class<? extends EventPayload>> byName(String type) {
        return Optional.ofNullable(type).map(BY_NAME::get);
    }

    public static boolean isKnown(String type) {
        return type != null && BY_NAME.containsKey(type);
    }

    private EventTypes() {
    }
}
