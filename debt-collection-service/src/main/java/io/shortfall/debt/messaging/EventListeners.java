package io.shortfall.debt.messaging;

import io.shortfall.debt.service.BalancePayments;
import io.shortfall.debt.service.CaseOpening;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.EmailProjection;
import io.shortfall.debt.service.PledgeCustody;
import io.shortfall.debt.service.PledgeSales;
import io.shortfall.debt.service.ReceiptProjection;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.kit.messaging.EventProcessor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What debt-collection-service takes from other services: liquidation results and sold pledges, borrowers'
 * contacts, payments from their USDT balance and pledges, the emails sent to them and the time zone they chose.
 */
@ApplicationScoped
public class EventListeners {

    private final EventProcessor processor;
    private final CaseOpening opening;
    private final ReceiptProjection receipts;
    private final DebtorProjection debtors;
    private final EmailProjection emails;
    private final BalancePayments balancePayments;
    private final PledgeCustody pledges;
    private final PledgeSales pledgeSales;

    public EventListeners(EventProcessor processor, CaseOpening opening, ReceiptProjection receipts,
                          DebtorProjection debtors, EmailProjection emails, BalancePayments balancePayments,
                          PledgeCustody pledges, PledgeSales pledgeSales) {
        this.pledges = pledges;
        this.pledgeSales = pledgeSales;
        this.balancePayments = balancePayments;
        this.emails = emails;
        this.processor = processor;
        this.opening = opening;
        this.receipts = receipts;
        this.debtors = debtors;
    }

    @Incoming("liquidation-events")
    public Uni<Void> onLiquidationEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.liquidation.events", records,
                new EventProcessor.Handler<Void>() {
                    @Override
                    public Uni<Void> prepare(List<EventEnvelope> batch) {
                        List<LiquidationEvents.NegativeBalanceRecorded> balances = new ArrayList<>();
                        List<LiquidationEvents.LiquidationCompleted> completed = new ArrayList<>();
                        for (EventEnvelope e : batch) {
                            try {
                                switch (e.type()) {
                                    case "NegativeBalanceRecorded" -> balances.add(EventJson.payload(e));
                                    case "LiquidationCompleted" -> completed.add(EventJson.payload(e));
                                    default -> {
                                    }
                                }
                            } catch (RuntimeException unreadable) {
                                // its effect parks it
                            }
                        }
                        return opening.prepare(balances).chain(() -> receipts.prepare(completed));
                    }

                    @Override
                    public Uni<Void> apply(EventEnvelope envelope) {
                        return switch (envelope.type()) {
                            case "NegativeBalanceRecorded" -> opening.onNegativeBalance(EventJson.payload(envelope));
                            case "LiquidationCompleted" -> receipts.onCompleted(EventJson.payload(envelope),
                                    envelope.occurredAt());
                            case "PledgeSold" -> pledgeSales.onSold(EventJson.payload(envelope));
                            default -> ignore();
                        };
                    }
                });
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.loan.events", records, envelope ->
                switch (envelope.type()) {
                    case "BorrowerContact" -> debtors.onContact(EventJson.payload(envelope));
                    case "DebtPaidFromBalance" -> balancePayments.onPaid(EventJson.payload(envelope));
                    case "CollateralPledged" -> pledges.onPledged(EventJson.payload(envelope));
                    default -> ignore();
                });
    }

    @Incoming("notification-events")
    public Uni<Void> onNotificationEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.notification.events", records,
                new EventProcessor.Handler<Void>() {
                    @Override
                    public Uni<Void> prepare(List<EventEnvelope> batch) {
                        emails.gather();
                        return Uni.createFrom().voidItem();
                    }

                    @Override
                    public Uni<Void> apply(EventEnvelope envelope) {
                        return switch (envelope.type()) {
                            case "EmailSent" -> emails.onSent(EventJson.payload(envelope));
                            case "PreferencesChanged" -> debtors.onPreferences(EventJson.payload(envelope));
                            default -> ignore();
                        };
                    }

                    @Override
                    public Uni<Void> beforeCommit() {
                        return emails.writeGathered();
                    }
                });
    }

    private static Uni<Void> ignore() {
        return Uni.createFrom().voidItem();
    }
}
