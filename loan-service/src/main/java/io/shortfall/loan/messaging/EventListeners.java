package io.shortfall.loan.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.MarginEvents;
import io.shortfall.kit.messaging.EventProcessor;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.Zone;
import io.shortfall.loan.service.AutoIncrease;
import io.shortfall.loan.service.Balances;
import io.shortfall.loan.service.LiquidationHandOff;
import io.shortfall.loan.service.LoanEventLog;
import io.shortfall.loan.service.PriceProjection;
import io.shortfall.loan.service.Pledges;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.shortfall.kit.messaging.PoisonEventException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What loan-service takes from other services: prices, margin decisions, liquidation results, and debt cases'
 * answers to payments from a borrower's balance and to pledges.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final PriceProjection prices;
    private final LiquidationHandOff liquidation;
    private final AutoIncrease autoIncrease;
    private final LoanEventLog timeline;
    private final Balances balances;
    private final Pledges pledges;

    public EventListeners(EventProcessor processor, PriceProjection prices, LiquidationHandOff liquidation,
                          AutoIncrease autoIncrease, LoanEventLog timeline, Balances balances, Pledges pledges) {
        this.balances = balances;
        this.pledges = pledges;
        this.processor = processor;
        this.prices = prices;
        this.liquidation = liquidation;
        this.autoIncrease = autoIncrease;
        this.timeline = timeline;
    }

    @Incoming("market-prices")
    public Uni<Void> onPrice(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.market.prices", records, envelope -> switch (envelope.type()) {
            case "PriceTick" -> prices.apply(EventJson.payload(envelope));
            default -> ignore();
        });
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.margin.events", records, new LoanEventHandler() {
            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return switch (envelope.type()) {
                    case "LiquidationTriggered" -> onTimeline(envelope)
                            .chain(() -> liquidation.onTriggered(EventJson.payload(envelope)));
                    case "ZoneChanged" -> onTimeline(envelope)
                            .chain(() -> onZoneChanged(EventJson.payload(envelope)));
                    case "AutoIncreaseRequested" -> onTimeline(envelope)
                            .chain(() -> autoIncrease.onRequested(EventJson.payload(envelope)));
                    case "MarginCall" -> onTimeline(envelope);
                    default -> ignore();
                };
            }
        });
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.liquidation.events", records, new LoanEventHandler() {
            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return switch (envelope.type()) {
                    case "LiquidationCompleted" -> onTimeline(envelope)
                            .chain(() -> liquidation.onCompleted(EventJson.payload(envelope)));
                    case "NegativeBalanceRecorded", "InsuranceFundDrawn" -> onTimeline(envelope);
                    default -> ignore();
                };
            }
        });
    }

    @Incoming("debt-events")
    public Uni<Void> onDebtEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.debt.events", records, envelope -> switch (envelope.type()) {
            case "BalancePaymentApplied" -> balances.onApplied(EventJson.payload(envelope));
            case "BalancePaymentReturned" -> balances.onReturned(EventJson.payload(envelope));
            case "PledgeReleased" -> pledges.onReleased(EventJson.payload(envelope));
            case "PledgeForfeited" -> pledges.onForfeited(EventJson.payload(envelope));
            case "PledgeProceedsApplied" -> pledges.onProceedsApplied(EventJson.payload(envelope));
            default -> ignore();
        });
    }

    /**
     * Events keyed by a loan id: the batch's loans are read in one query first, so each effect finds its own; the
     * timeline entries of the whole batch are written together before the commit.
     */
    private abstract class LoanEventHandler implements EventProcessor.Handler<Void> {
        @Override
        public Uni<Void> prepare(List<EventEnvelope> batch) {
            timeline.gather();
            List<UUID> ids = batch.stream().map(EventListeners::loanIdOrNull).filter(Objects::nonNull).distinct()
                    .toList();
            return ids.isEmpty() ? Uni.createFrom().voidItem() : Loan.list("id in ?1", ids).replaceWithVoid();
        }

        @Override
        public Uni<Void> beforeCommit() {
            return timeline.writeGathered();
        }
    }

    private static UUID loanIdOrNull(EventEnvelope envelope) {
        try {
            return envelope.aggregateId() == null ? null : UUID.fromString(envelope.aggregateId());
        } catch (IllegalArgumentException e) {
            return null;
        }
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
