package io.shortfall.margin.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.LoanEvents.AutoIncreaseChanged;
import io.shortfall.events.LoanEvents.CollateralAdded;
import io.shortfall.events.LoanEvents.InterestAccrued;
import io.shortfall.events.LoanEvents.LiquidationDeclined;
import io.shortfall.events.LoanEvents.LiquidationStarted;
import io.shortfall.events.LoanEvents.LoanClosed;
import io.shortfall.events.LoanEvents.LoanOpened;
import io.shortfall.events.LoanEvents.LoanRepaid;
import io.shortfall.events.LoanEvents.PartiallyLiquidated;
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

import static io.shortfall.events.EventJson.payload;

/**
 * What margin-service takes from others: prices (from feeds and its own operator endpoint) and loans. Once a
 * batch has committed, its outcomes are counted and the assets it ticked are decided at their new price.
 */
@ApplicationScoped
public class EventListeners {

    private static final String PRICE_TICK = EventTypes.nameOf(PriceTick.class);

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
                return watch.lock(batch.stream().filter(e -> PRICE_TICK.equals(e.type()))
                        .map(e -> e.payload().path("asset").asText(null)).filter(Objects::nonNull).toList());
            }

            @Override
            public Uni<MarginOutcome> apply(EventEnvelope envelope) {
                return PRICE_TICK.equals(envelope.type()) ? watch.apply(payload(envelope, PriceTick.class))
                        : Uni.createFrom().nullItem();
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
                return envelope.typeIn(LoanEvents.Type.class).map(type -> switch (type) {
                    case LOAN_OPENED -> positions.opened(payload(envelope, LoanOpened.class));
                    case COLLATERAL_ADDED -> positions.collateralAdded(payload(envelope, CollateralAdded.class));
                    case LOAN_REPAID -> positions.repaid(payload(envelope, LoanRepaid.class));
                    case INTEREST_ACCRUED -> positions.interestAccrued(payload(envelope, InterestAccrued.class));
                    case AUTO_INCREASE_CHANGED ->
                            positions.autoIncreaseChanged(payload(envelope, AutoIncreaseChanged.class));
                    case LIQUIDATION_STARTED ->
                            positions.liquidationStarted(payload(envelope, LiquidationStarted.class));
                    case LIQUIDATION_DECLINED ->
                            positions.liquidationDeclined(payload(envelope, LiquidationDeclined.class));
                    case PARTIALLY_LIQUIDATED ->
                            positions.partiallyLiquidated(payload(envelope, PartiallyLiquidated.class));
                    case LOAN_CLOSED -> positions.closed(payload(envelope, LoanClosed.class));
                    case BORROWER_CONTACT, AUTO_INCREASE_SHORT, BALANCE_CHANGED, DEBT_PAID_FROM_BALANCE,
                         COLLATERAL_PLEDGED, PLEDGE_SALE_REQUESTED -> Uni.createFrom().<MarginOutcome>nullItem();
                }).orElseGet(() -> Uni.createFrom().nullItem());
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
