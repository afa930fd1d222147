package io.shortfall.liquidation.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.liquidation.service.LiquidationService;
import io.shortfall.liquidation.service.SaleWorker;
import io.shortfall.liquidation.service.PledgeSales;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What liquidation-service takes from other services: the locked loans and the forfeited pledges it must sell. */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final LiquidationService liquidations;
    private final SaleWorker worker;
    private final PledgeSales pledges;

    public EventListeners(EventProcessor processor, LiquidationService liquidations, SaleWorker worker,
                          PledgeSales pledges) {
        this.pledges = pledges;
        this.processor = processor;
        this.liquidations = liquidations;
        this.worker = worker;
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("liquidation-service.loan.events", records, new EventProcessor.Handler<Void>() {
            @Override
            public Uni<Void> prepare(List<EventEnvelope> batch) {
                List<LoanEvents.LiquidationStarted> started = new ArrayList<>();
                for (EventEnvelope e : batch) {
                    if (e.type().equals("LiquidationStarted")) {
                        try {
                            started.add(EventJson.payload(e));
                        } catch (RuntimeException unreadable) {
                            // its effect parks it
                        }
                    }
                }
                return liquidations.prepare(started);
            }

            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return switch (envelope.type()) {
                    case "LiquidationStarted" -> liquidations.onStarted(EventJson.payload(envelope),
                            envelope.occurredAt());
                    case "PledgeSaleRequested" -> pledges.onRequested(EventJson.payload(envelope));
                    default -> Uni.createFrom().voidItem();
                };
            }
        }).invoke(worker::kick).invoke(pledges::kick);
    }
}
