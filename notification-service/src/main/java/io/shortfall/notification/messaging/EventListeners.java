package io.shortfall.notification.messaging;

import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.notification.service.Notifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What notification-service takes from the others: contacts and the events a borrower is told about. Which
 * types matter is the {@link Notifier}'s business; every other type is acknowledged and ignored.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final Notifier notifier;

    public EventListeners(EventProcessor processor, Notifier notifier) {
        this.processor = processor;
        this.notifier = notifier;
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(String record) {
        return processor.process("notification-service.loan.events", record, notifier::apply);
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(String record) {
        return processor.process("notification-service.margin.events", record, notifier::apply);
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(String record) {
        return processor.process("notification-service.liquidation.events", record, notifier::apply);
    }

    @Incoming("debt-events")
    public Uni<Void> onDebtEvent(String record) {
        return processor.process("notification-service.debt.events", record, notifier::apply);
    }
}
