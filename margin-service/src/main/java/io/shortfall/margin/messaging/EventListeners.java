package io.shortfall.margin.messaging;

import io.shortfall.events.EventJson;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.margin.Position;
import io.shortfall.margin.service.MarginMetrics;
import io.shortfall.margin.service.PositionProjection;
import io.shortfall.margin.service.PriceWatch;
import io.shortfall.margin.service.RiskIndex;
import io.shortfall.margin.service.TickOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What margin-service takes from others: prices (from feeds and its own operator endpoint) and loans. Once a
 * record's transaction has committed, the positions it changed are refreshed in the {@link RiskIndex} and a
 * tick's metrics are counted.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final PriceWatch watch;
    private final PositionProjection positions;
    private final MarginMetrics metrics;
    private final RiskIndex index;

    public EventListeners(EventProcessor processor, PriceWatch watch, PositionProjection positions,
                          MarginMetrics metrics, RiskIndex index) {
        this.index = index;
        this.processor = processor;
        this.watch = watch;
        this.positions = positions;
        this.metrics = metrics;
    }

    @Incoming("market-prices")
    public Uni<Void> onPrice(String record) {
        return processor.process("margin-service.market.prices", record, envelope -> switch (envelope.type()) {
            case "PriceTick" -> watch.apply(EventJson.payload(envelope));
            default -> Uni.createFrom().<TickOutcome>nullItem();
        }, outcome -> {
            index.refreshAll(outcome.assessed());
            metrics.count(outcome);
        });
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(String record) {
        return processor.process("margin-service.loan.events", record, envelope -> switch (envelope.type()) {
            case "LoanOpened" -> positions.opened(EventJson.payload(envelope));
            case "CollateralAdded" -> positions.collateralAdded(EventJson.payload(envelope));
            case "LoanRepaid" -> positions.repaid(EventJson.payload(envelope));
            case "InterestAccrued" -> positions.interestAccrued(EventJson.payload(envelope));
            case "AutoIncreaseChanged" -> positions.autoIncreaseChanged(EventJson.payload(envelope));
            case "LiquidationStarted" -> positions.liquidationStarted(EventJson.payload(envelope));
            case "LiquidationDeclined" -> positions.liquidationDeclined(EventJson.payload(envelope));
            case "PartiallyLiquidated" -> positions.partiallyLiquidated(EventJson.payload(envelope));
            case "LoanClosed" -> positions.closed(EventJson.payload(envelope));
            default -> Uni.createFrom().<Position>nullItem();
        }, index::refresh);
    }
}
