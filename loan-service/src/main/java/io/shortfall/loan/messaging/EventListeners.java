package io.shortfall.loan.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.Zone;
import io.shortfall.loan.service.AutoIncrease;
import io.shortfall.loan.service.LiquidationHandOff;
import io.shortfall.loan.service.LoanEventLog;
import io.shortfall.loan.service.PriceProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.shortfall.kit.messaging.PoisonEventException;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What loan-service takes from other services: prices, margin decisions, liquidation results. */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final PriceProjection prices;
    private final LiquidationHandOff liquidation;
    private final AutoIncrease autoIncrease;
    private final LoanEventLog timeline;

    public EventListeners(EventProcessor processor, PriceProjection prices, LiquidationHandOff liquidation,
                          AutoIncrease autoIncrease, LoanEventLog timeline) {
        this.processor = processor;
        this.prices = prices;
        this.liquidation = liquidation;
        this.autoIncrease = autoIncrease;
        this.timeline = timeline;
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
            case "LiquidationTriggered" -> onTimeline(envelope)
                    .chain(() -> liquidation.onTriggered(EventJson.payload(envelope)));
            case "ZoneChanged" -> onTimeline(envelope).chain(() -> onZoneChanged(EventJson.payload(envelope)));
            case "AutoIncreaseRequested" -> onTimeline(envelope)
                    .chain(() -> autoIncrease.onRequested(EventJson.payload(envelope)));
            case "MarginCall" -> onTimeline(envelope);
            default -> ignore();
        });
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(String record) {
        return processor.process("loan-service.liquidation.events", record, envelope -> switch (envelope.type()) {
            case "LiquidationCompleted" -> onTimeline(envelope)
                    .chain(() -> liquidation.onCompleted(EventJson.payload(envelope)));
            case "NegativeBalanceRecorded", "InsuranceFundDrawn" -> onTimeline(envelope);
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

    /** Puts an event about a loan (keyed by its id) on the loan's timeline. */
    private Uni<Void> onTimeline(EventEnvelope envelope) {
        UUID loanId;
        try {
            loanId = UUID.fromString(envelope.aggregateId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(envelope.type() + " keyed by " + envelope.aggregateId() + ", not a loan id");
        }
        return timeline.record(loanId, envelope);
    }

    private static Uni<Void> ignore() {
        return Uni.createFrom().voidItem();
    }

}
