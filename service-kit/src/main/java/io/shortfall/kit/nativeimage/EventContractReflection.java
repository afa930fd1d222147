package io.shortfall.kit.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Thresholds;

/**
 * For a native executable of any service: the event contract's records are written and read by Jackson through
 * EventJson's own ObjectMapper (not through REST, which Quarkus registers by itself), so their constructors,
 * accessors and fields must be kept for reflection. Nested records (every payload of each topic's class) are
 * included. One list for the five services, so a topic added to the contract is added here once.
 */
@RegisterForReflection(targets = {
        EventEnvelope.class, PriceTick.class, Thresholds.class,
        LoanEvents.class, MarginEvents.class, LiquidationEvents.class, DebtEvents.class, NotificationEvents.class })
public final class EventContractReflection {
    private EventContractReflection() {
    }
}
