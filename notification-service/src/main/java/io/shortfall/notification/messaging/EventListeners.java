package io.shortfall.notification.messaging;

import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.notification.service.Notifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.loan.events", records, notifier::apply);
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.margin.events", records, notifier::apply);
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.liquidation.events", records, notifier::apply);
    }

    @Incoming("debt-events")
    public Uni<Void> onDebtEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.debt.events", records, notifier::apply);
    }
}
