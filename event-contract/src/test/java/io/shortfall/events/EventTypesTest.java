package io.shortfall.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    /** The five topics' sealed interfaces: every record they permit is an event type of the contract. */
    private static final List<Class<?>> TOPICS = List.of(LoanEvents.class, MarginEvents.class,
            LiquidationEvents.class, DebtEvents.class, NotificationEvents.class);

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends EventPayload>> declared() {
        return Stream.concat(Stream.of(PriceTick.class), TOPICS.stream()
                        .flatMap(topic -> Arrays.stream(topic.getPermittedSubclasses())))
                .map(c -> (Class<? extends EventPayload>) c)
                .collect(Collectors.toSet());
    }

    @Test
    void everyRecordOfATopicIsKnownByItsPinnedWireName() {
        Set<Class<? extends EventPayload>> declared = declared();
        assertThat(declared).hasSize(51);
        for (Class<? extends EventPayload> type : declared) {
            String name = EventTypes.nameOf(type);
            assertThat(EventTypes.byName(name)).as(name).contains(type);
        }
    }

    @Test
    void eachTopicsTypeEnumNamesExactlyItsRecords() {
        for (Class<?> topic : TOPICS) {
            Class<?> types = Arrays.stream(topic.getDeclaredClasses()).filter(Class::isEnum).findFirst().orElseThrow();
            Set<String> constants = Arrays.stream(types.getEnumConstants())
                    .map(c -> EventTypes.wireName(((Enum<?>) c).name())).collect(Collectors.toSet());
            @SuppressWarnings("unchecked")
            Set<String> records = Arrays.stream(topic.getPermittedSubclasses())
                    .map(c -> EventTypes.nameOf((Class<? extends EventPayload>) c)).collect(Collectors.toSet());
            assertThat(constants).as(topic.getSimpleName()).isEqualTo(records);
        }
        assertThat(EventTypes.typeOf("LoanOpened", LoanEvents.Type.class)).contains(LoanEvents.Type.LOAN_OPENED);
        assertThat(EventTypes.typeOf("MarginCall", LoanEvents.Type.class)).isEmpty();
        assertThat(EventTypes.typeOf(null, DebtEvents.Type.class)).isEmpty();
    }

    @Test
    void theWireNameIsTheAnnotationsNotTheClassName() {
        record Renamed(String asset) implements EventPayload.KeyedByAsset {
        }
        assertThatThrownBy(() -> new Renamed("BTC").type()).hasMessageContaining("has no @JsonTypeName");
        assertThat(new PriceTick("BTC", null, null, null).type()).isEqualTo("PriceTick");
    }

    @Test
    void theKeyIsDerivedFromTheAggregateTheEventBelongsTo() {
        var loan = java.util.UUID.randomUUID();
        assertThat(new MarginEvents.LiquidationTriggered(loan, null, null, null).aggregateId())
                .isEqualTo(loan.toString());
        assertThat(new MarginEvents.BreakerReset("ETH", "ops").aggregateId()).isEqualTo("ETH");
        assertThat(new NotificationEvents.PreferencesChanged("alice", null, null).aggregateId()).isEqualTo("alice");
        var debtCase = java.util.UUID.randomUUID();
        assertThat(new DebtEvents.CaseReleased(debtCase, "alice").aggregateId())
                .isEqualTo(debtCase.toString());
    }
}
