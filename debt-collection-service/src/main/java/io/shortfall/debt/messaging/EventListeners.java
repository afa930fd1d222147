package io.shortfall.debt.messaging;

import io.shortfall.debt.service.BalancePayments;
import io.shortfall.debt.service.CaseOpening;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.EmailProjection;
import io.shortfall.debt.service.PledgeCustody;
import io.shortfall.debt.service.PledgeSales;
import io.shortfall.debt.service.ReceiptProjection;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LiquidationEvents.LiquidationCompleted;
import io.shortfall.events.LiquidationEvents.NegativeBalanceRecorded;
import io.shortfall.events.LiquidationEvents.PledgeSold;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.LoanEvents.BorrowerContact;
import io.shortfall.events.LoanEvents.CollateralPledged;
import io.shortfall.events.LoanEvents.DebtPaidFromBalance;
import io.shortfall.events.NotificationEvents;
import io.shortfall.events.NotificationEvents.EmailSent;
import io.shortfall.events.NotificationEvents.PreferencesChanged;
import io.shortfall.kit.messaging.EventProcessor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import static io.shortfall.events.EventJson.payload;

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
                        List<NegativeBalanceRecorded> balances = new ArrayList<>();
                        List<LiquidationCompleted> completed = new ArrayList<>();
                        for (EventEnvelope e : batch) {
                            LiquidationEvents.Type type = e.typeIn(LiquidationEvents.Type.class).orElse(null);
                            try {
                                if (type == LiquidationEvents.Type.NEGATIVE_BALANCE_RECORDED) {
                                    balances.add(payload(e, NegativeBalanceRecorded.class));
                                } else if (type == LiquidationEvents.Type.LIQUIDATION_COMPLETED) {
                                    completed.add(payload(e, LiquidationCompleted.class));
                                }
                            } catch (RuntimeException unreadable) {
                                // its effect parks it
                            }
                        }
                        return opening.prepare(balances).chain(() -> receipts.prepare(completed));
                    }

                    @Override
                    public Uni<Void> apply(EventEnvelope envelope) {
                        return envelope.typeIn(LiquidationEvents.Type.class).map(type -> switch (type) {
                            case NEGATIVE_BALANCE_RECORDED ->
                                    opening.onNegativeBalance(payload(envelope, NegativeBalanceRecorded.class));
                            case LIQUIDATION_COMPLETED -> receipts.onCompleted(
                                    payload(envelope, LiquidationCompleted.class), envelope.occurredAt());
                            case PLEDGE_SOLD -> pledgeSales.onSold(payload(envelope, PledgeSold.class));
                            case INSURANCE_FUND_DRAWN -> ignore();
                        }).orElseGet(EventListeners::ignore);
                    }
                });
    }

    @Incoming("loan-events")
    public Uni<Void> onLoanEvent(ConsumerRecords<String, String> records) {
        return processor.process("debt-collection-service.loan.events", records, envelope ->
                envelope.typeIn(LoanEvents.Type.class).map(type -> switch (type) {
                    case BORROWER_CONTACT -> debtors.onContact(payload(envelope, BorrowerContact.class));
                    case DEBT_PAID_FROM_BALANCE ->
                            balancePayments.onPaid(payload(envelope, DebtPaidFromBalance.class));
                    case COLLATERAL_PLEDGED -> pledges.onPledged(payload(envelope, CollateralPledged.class));
                    case LOAN_OPENED, COLLATERAL_ADDED, AUTO_INCREASE_SHORT, LOAN_REPAID, INTEREST_ACCRUED,
                         AUTO_INCREASE_CHANGED, LIQUIDATION_STARTED, LIQUIDATION_DECLINED, BALANCE_CHANGED,
                         PLEDGE_SALE_REQUESTED, LOAN_CLOSED, PARTIALLY_LIQUIDATED -> ignore();
                }).orElseGet(EventListeners::ignore));
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
                        return envelope.typeIn(NotificationEvents.Type.class).map(type -> switch (type) {
                            case EMAIL_SENT -> emails.onSent(payload(envelope, EmailSent.class));
                            case PREFERENCES_CHANGED ->
                                    debtors.onPreferences(payload(envelope, PreferencesChanged.class));
                        }).orElseGet(EventListeners::ignore);
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
