package io.shortfall.debt.messaging;

import io.shortfall.debt.service.CaseOpening;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.ReceiptProjection;
import io.shortfall.events.EventJson;
import io.shortfall.kit.messaging.EventProcessor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What debt-collection-service takes from other services: liquidation results and borrowers' contacts. */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final CaseOpening opening;
    private final ReceiptProjection receipts;
    private final DebtorProjection debtors;

    public EventListeners(EventProcessor processor, CaseOpening opening, ReceiptProjection receipts,
                          DebtorProjection debtors) {
        this.processor = processor;
        this.opening = opening;
        this.receipts = receipts;
        this.debtors = debtors;
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.liquidation.events", records, envelope ->
                switch (envelope.type()) {
                    case "NegativeBalanceRecorded" -> opening.onNegativeBalance(EventJson.payload(envelope));
                    case "LiquidationCompleted" -> receipts.onCompleted(EventJson.payload(envelope),
                            envelope.occurredAt());
                    default -> ignore();
                });
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.loan.events", records, envelope ->
                switch (envelope.type()) {
                    case "BorrowerContact" -> debtors.onContact(EventJson.payload(envelope));
                    default -> ignore();
                });
    }

    private static Uni<Void> ignore() {
        return Uni.createFrom().voidItem();
    }
}
