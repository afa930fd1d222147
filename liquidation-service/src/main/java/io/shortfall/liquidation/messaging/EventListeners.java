package io.shortfall.liquidation.messaging;

import io.shortfall.events.EventJson;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.liquidation.service.LiquidationService;
import io.shortfall.liquidation.service.SaleWorker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What liquidation-service takes from other services: the locked loans it must sell. */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final LiquidationService liquidations;
    private final SaleWorker worker;

    public EventListeners(EventProcessor processor, LiquidationService liquidations, SaleWorker worker) {
        this.processor = processor;
        this.liquidations = liquidations;
        this.worker = worker;
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("liquidation-service.loan.events", records, envelope -> switch (envelope.type()) {
            case "LiquidationStarted" -> liquidations.onStarted(EventJson.payload(envelope), envelope.occurredAt());
            default -> Uni.createFrom().voidItem();
        }).invoke(worker::kick);
    }
}
