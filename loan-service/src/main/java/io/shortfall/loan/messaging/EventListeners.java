package io.shortfall.loan.messaging;

import io.shortfall.events.EventJson;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.Zone;
import io.shortfall.loan.service.LiquidationHandOff;
import io.shortfall.loan.service.PriceProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What loan-service takes from other services: prices, margin decisions, liquidation results. */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final PriceProjection prices;
    private final LiquidationHandOff liquidation;

    public EventListeners(EventProcessor processor, PriceProjection prices, LiquidationHandOff liquidation) {
        this.processor = processor;
        this.prices = prices;
        this.liquidation = liquidation;
    }

    @Incoming("market-prices")
    public Uni<Void> onPrice(String record) {
        return processor.process("loan-service.market.prices", record, envelope -> switch (envelope.type()) {
            case "PriceTick" -> prices.apply(EventJson.payload(envelope));
            default -> ignore();
        });
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(String record) {
        return processor.process("loan-service.margin.events", record, envelope -> switch (envelope.type()) {
            case "LiquidationTriggered" -> liquidation.onTriggered(EventJson.payload(envelope));
            case "ZoneChanged" -> onZoneChanged(EventJson.payload(envelope));
            default -> ignore();
        });
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(String record) {
        return processor.process("loan-service.liquidation.events", record, envelope -> switch (envelope.type()) {
            case "LiquidationCompleted" -> liquidation.onCompleted(EventJson.payload(envelope));
            default -> ignore();
        });
    }

    private Uni<Void> onZoneChanged(MarginEvents.ZoneChanged changed) {
        return Loan.<Loan>findById(changed.loanId()).invoke(loan -> {
            if (loan != null && !loan.isClosed()) {
                loan.zone = Zone.valueOf(changed.to());
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> ignore() {
        return Uni.createFrom().voidItem();
    }

}
