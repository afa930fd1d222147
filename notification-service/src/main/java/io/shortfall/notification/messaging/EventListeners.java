package io.shortfall.notification.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.notification.service.DeliverySender;
import io.shortfall.notification.service.Notifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What notification-service takes from the others: contacts and the events a borrower is told about. Which
 * types matter is the {@link Notifier}'s business; every other type is acknowledged and ignored. Once a batch has
 * committed, the email sender is woken for what it added.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final EventProcessor.Handler<Boolean> notify;

    public EventListeners(EventProcessor processor, Notifier notifier, DeliverySender sender) {
        this.processor = processor;
        this.notify = new EventProcessor.Handler<>() {
            @Override
            public Uni<Void> prepare(java.util.List<EventEnvelope> batch) {
                notifier.collect();
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> beforeCommit() {
                return notifier.flush();
            }

            @Override
            public Uni<Boolean> apply(EventEnvelope envelope) {
                return notifier.apply(envelope).replaceWith(Boolean.TRUE);
            }

            @Override
            public void afterCommit(Boolean applied) {
                sender.wake();
            }
        };
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.loan.events", records, notify);
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.margin.events", records, notify);
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.liquidation.events", records, notify);
    }

    @Incoming("debt-events")
    public Uni<Void> onDebtEvent(ConsumerRecords<String, String> records) {
        return processor.process("notification-service.debt.events", records, notify);
    }
}
