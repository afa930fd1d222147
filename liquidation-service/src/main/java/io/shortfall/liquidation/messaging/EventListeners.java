package io.shortfall.liquidation.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.LoanEvents.LiquidationStarted;
import io.shortfall.events.LoanEvents.PledgeSaleRequested;
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

import static io.shortfall.events.EventJson.payload;

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
                List<LiquidationStarted> started = new ArrayList<>();
                for (EventEnvelope e : batch) {
                    if (e.typeIn(LoanEvents.Type.class).orElse(null) == LoanEvents.Type.LIQUIDATION_STARTED) {
                        try {
                            started.add(payload(e, LiquidationStarted.class));
                        } catch (RuntimeException unreadable) {
                            // its effect parks it
                        }
                    }
                }
                return liquidations.prepare(started);
            }

            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return envelope.typeIn(LoanEvents.Type.class).map(type -> switch (type) {
                    case LIQUIDATION_STARTED -> liquidations.onStarted(payload(envelope, LiquidationStarted.class),
                            envelope.occurredAt());
                    case PLEDGE_SALE_REQUESTED -> pledges.onRequested(payload(envelope, PledgeSaleRequested.class));
                    case LOAN_OPENED, BORROWER_CONTACT, COLLATERAL_ADDED, AUTO_INCREASE_SHORT, LOAN_REPAID,
                         INTEREST_ACCRUED, AUTO_INCREASE_CHANGED, LIQUIDATION_DECLINED, BALANCE_CHANGED,
                         DEBT_PAID_FROM_BALANCE, COLLATERAL_PLEDGED, LOAN_CLOSED, PARTIALLY_LIQUIDATED ->
                            Uni.createFrom().voidItem();
                }).orElseGet(() -> Uni.createFrom().voidItem());
            }
        }).invoke(worker::kick).invoke(pledges::kick);
    }
}
