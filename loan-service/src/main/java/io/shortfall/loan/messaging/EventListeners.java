package io.shortfall.loan.messaging;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.DebtEvents.BalancePaymentApplied;
import io.shortfall.events.DebtEvents.BalancePaymentReturned;
import io.shortfall.events.DebtEvents.PledgeForfeited;
import io.shortfall.events.DebtEvents.PledgeProceedsApplied;
import io.shortfall.events.DebtEvents.PledgeReleased;
import io.shortfall.events.EventTypes;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LiquidationEvents.LiquidationCompleted;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.MarginEvents.AutoIncreaseRequested;
import io.shortfall.events.MarginEvents.LiquidationTriggered;
import io.shortfall.events.MarginEvents.ZoneChanged;
import io.shortfall.events.PriceTick;
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

import static io.shortfall.events.EventJson.payload;

/**
 * What loan-service takes from other services: prices, margin decisions, liquidation results, and debt cases'
 * answers to payments from a borrower's balance and to pledges.
 */
@ApplicationScoped
public class EventListeners {

    private static final String PRICE_TICK = EventTypes.nameOf(PriceTick.class);

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
        return processor.process("loan-service.market.prices", records, envelope ->
                PRICE_TICK.equals(envelope.type()) ? prices.apply(payload(envelope, PriceTick.class)) : ignore());
    }

    @Incoming("margin-events")
    public Uni<Void> onMarginEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.margin.events", records, new LoanEventHandler() {
            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return envelope.typeIn(MarginEvents.Type.class).map(type -> switch (type) {
                    case LIQUIDATION_TRIGGERED -> onTimeline(envelope)
                            .chain(() -> liquidation.onTriggered(payload(envelope, LiquidationTriggered.class)));
                    case ZONE_CHANGED -> onTimeline(envelope)
                            .chain(() -> onZoneChanged(payload(envelope, ZoneChanged.class)));
                    case AUTO_INCREASE_REQUESTED -> onTimeline(envelope)
                            .chain(() -> autoIncrease.onRequested(payload(envelope, AutoIncreaseRequested.class)));
                    case MARGIN_CALL -> onTimeline(envelope);
                    case BREAKER_TRIPPED, BREAKER_RESET -> ignore();
                }).orElseGet(EventListeners::ignore);
            }
        });
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.liquidation.events", records, new LoanEventHandler() {
            @Override
            public Uni<Void> apply(EventEnvelope envelope) {
                return envelope.typeIn(LiquidationEvents.Type.class).map(type -> switch (type) {
                    case LIQUIDATION_COMPLETED -> onTimeline(envelope)
                            .chain(() -> liquidation.onCompleted(payload(envelope, LiquidationCompleted.class)));
                    case NEGATIVE_BALANCE_RECORDED, INSURANCE_FUND_DRAWN -> onTimeline(envelope);
                    case PLEDGE_SOLD -> ignore();
                }).orElseGet(EventListeners::ignore);
            }
        });
    }

    @Incoming("debt-events")
    public Uni<Void> onDebtEvent(ConsumerRecords<String, String> records) {
        return processor.process("loan-service.debt.events", records, envelope ->
                envelope.typeIn(DebtEvents.Type.class).map(type -> switch (type) {
                    case BALANCE_PAYMENT_APPLIED -> balances.onApplied(payload(envelope, BalancePaymentApplied.class));
                    case BALANCE_PAYMENT_RETURNED ->
                            balances.onReturned(payload(envelope, BalancePaymentReturned.class));
                    case PLEDGE_RELEASED -> pledges.onReleased(payload(envelope, PledgeReleased.class));
                    case PLEDGE_FORFEITED -> pledges.onForfeited(payload(envelope, PledgeForfeited.class));
                    case PLEDGE_PROCEEDS_APPLIED ->
                            pledges.onProceedsApplied(payload(envelope, PledgeProceedsApplied.class));
                    case DEBT_CASE_OPENED, OFFER_MADE, OFFER_ACCEPTED, OFFER_REJECTED, PLAN_STARTED,
                         INSTALLMENT_DUE_SOON, INSTALLMENT_DUE, INSTALLMENT_OVERDUE, PAYMENT_RECEIVED,
                         PAYMENT_REVERSED, PLAN_BROKEN, DEBT_SETTLED, DEBT_WRITTEN_OFF, CASE_HELD, CASE_RELEASED,
                         CASE_ESCALATED, CASE_RECALLED, PLEDGE_ACCEPTED -> ignore();
                }).orElseGet(EventListeners::ignore));
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

    private Uni<Void> onZoneChanged(ZoneChanged changed) {
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
