package io.shortfall.loan;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Thresholds;

/**
 * For a native executable: the event contract's records are written and read by Jackson through
 * EventJson's own ObjectMapper (not through REST, which Quarkus registers by itself), so their
 * constructors, accessors and fields must be kept for reflection. Nested records (every payload of
 * LoanEvents, MarginEvents, ...) are included.
 */
@RegisterForReflection(targets = {
        EventEnvelope.class, PriceTick.class, Thresholds.class,
        LoanEvents.class, MarginEvents.class, LiquidationEvents.class, DebtEvents.class })
public final class NativeReflection {
    private NativeReflection() {
    }
}
