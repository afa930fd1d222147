package io.shortfall.margin.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.PriceTick;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.margin.service.AssetWatch;
import io.shortfall.margin.service.MarginMetrics;
import io.shortfall.margin.service.MarginOutcome;
import io.shortfall.margin.service.PositionProjection;
import io.shortfall.margin.service.PriceWatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What margin-service takes from others: prices (from feeds and its own operator endpoint) and loans. Once a
 * batch has committed, its outcomes are counted and the assets it ticked are decided at their new price.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final PriceWatch watch;
    private final PositionProjection positions;
    private final MarginMetrics metrics;
    private final AssetWatch assets;

    public EventListeners(EventProcessor processor, PriceWatch watch, PositionProjection positions,
                          MarginMetrics metrics, AssetWatch assets) {
        this.processor = processor;
        this.watch = watch;
        this.positions = positions;
        this.metrics = metrics;
        this.assets = assets;
    }

    @Incoming("market-prices")
    public Uni<Void> onPrice(ConsumerRecords<String, String> records) {
        return processor.process("margin-service.market.prices", records, new Handler() {
            @Override
            public Uni<Void> prepare(List<EventEnvelope> batch) {
                return watch.lock(batch.stream().filter(e -> e.type().equals("PriceTick"))
                        .map(e -> e.payload().path("asset").asText(null)).filter(Objects::nonNull).toList());
            }

            @Override
            public Uni<MarginOutcome> apply(EventEnvelope envelope) {
                return switch (envelope.type()) {
                    case "PriceTick" -> watch.apply(EventJson.<PriceTick>payload(envelope));
                    default -> Uni.createFrom().nullItem();
                };
            }
        });
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("margin-service.loan.events", records, new Handler() {
            @Override
            public Uni<Void> prepare(List<EventEnvelope> batch) {
                return positions.prepare(batch.stream().map(EventListeners::loanId).filter(Objects::nonNull)
                        .toList());
            }

            @Override
            public Uni<MarginOutcome> apply(EventEnvelope envelope) {
                return switch (envelope.type()) {
                    case "LoanOpened" -> positions.opened(EventJson.payload(envelope));
                    case "CollateralAdded" -> positions.collateralAdded(EventJson.payload(envelope));
                    case "LoanRepaid" -> positions.repaid(EventJson.payload(envelope));
                    case "InterestAccrued" -> positions.interestAccrued(EventJson.payload(envelope));
                    case "AutoIncreaseChanged" -> positions.autoIncreaseChanged(EventJson.payload(envelope));
                    case "LiquidationStarted" -> positions.liquidationStarted(EventJson.payload(envelope));
                    case "LiquidationDeclined" -> positions.liquidationDeclined(EventJson.payload(envelope));
                    case "PartiallyLiquidated" -> positions.partiallyLiquidated(EventJson.payload(envelope));
                    case "LoanClosed" -> positions.closed(EventJson.payload(envelope));
                    default -> Uni.createFrom().nullItem();
                };
            }
        });
    }

    /** Every outcome is counted once committed; the assets it names are decided at their new price. */
    private abstract class Handler implements EventProcessor.Handler<MarginOutcome> {
        @Override
        public void afterCommit(MarginOutcome outcome) {
            metrics.count(outcome);
            outcome.toDecide().forEach(assets::decide);
        }
    }

    private static UUID loanId(EventEnvelope envelope) {
        try {
            return envelope.aggregateId() == null ? null : UUID.fromString(envelope.aggregateId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
