package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.rest.Problems;
import io.shortfall.loan.Balance;
import io.shortfall.loan.BalanceEntry;
import io.shortfall.loan.config.LoanConfig;
import io.shortfall.loan.domain.BalanceEntryStatus;
import io.shortfall.loan.domain.LoanMath;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Borrowers' USDT balances (loan-service README, "The USDT balance"): a liquidation's surplus is credited, the
 * borrower withdraws it or pays a debt case with it. Every movement is a {@link BalanceEntry} and a
 * {@code BalanceChanged} event in the caller's transaction; the balance never goes below zero (422
 * {@code insufficient-balance}), and the balance row's optimistic lock makes two spends racing lose one.
 */
@ApplicationScoped
public class Balances {

    private final LoanEventLog events;
    private final LoanConfig config;
    private final Clock clock;

    public Balances(LoanEventLog events, LoanConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** What the balance holds and its movements, newest first. */
    public record Statement(String currency, BigDecimal balance, List<BalanceEntry> entries) {
    }

    public Uni<Statement> of(String borrowerId, Page page) {
        return Balance.<Balance>findById(new Balance.Key(borrowerId, config.currency())).chain(balance -> BalanceEntry
                .<BalanceEntry>find("borrowerId = ?1 order by at desc, id desc", borrowerId)
                .page(page).list()
                .map(entries -> new Statement(config.currency(), amountOf(balance), entries)));
    }

    /** Credits a liquidation's surplus, once per liquidation. */
    public Uni<Void> creditSurplus(String borrowerId, UUID liquidationId, BigDecimal surplus) {
        if (surplus == null || surplus.signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        String reference = liquidationId.toString();
        return BalanceEntry.count("kind = ?1 and reference = ?2", LoanEvents.BalanceChanged.SURPLUS, reference)
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : move(borrowerId, LoanEvents.BalanceChanged.SURPLUS, surplus, reference, BalanceEntryStatus.DONE)
                        .replaceWithVoid());
    }

    /** Credits what the sale of a forfeited pledge raised beyond the debt, once per pledge. */
    public Uni<Void> creditPledgeSurplus(String borrowerId, UUID pledgeId, BigDecimal returned) {
        if (returned == null || returned.signum() <= 0) {
            return Uni.createFrom().voidItem();
        }
        String reference = pledgeId.toString();
        return BalanceEntry.count("kind = ?1 and reference = ?2", LoanEvents.BalanceChanged.PLEDGE_SURPLUS, reference)
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : move(borrowerId, LoanEvents.BalanceChanged.PLEDGE_SURPLUS, returned, reference,
                        BalanceEntryStatus.DONE).replaceWithVoid());
    }

    /** Pays {@code amount} out to the borrower. */
    public Uni<BalanceEntry> withdraw(String borrowerId, BigDecimal amount) {
        Assets.requireScale("amount", amount, LoanMath.USDT_SCALE);
        return move(borrowerId, LoanEvents.BalanceChanged.WITHDRAWAL, amount.negate(), null, BalanceEntryStatus.DONE);
    }

    /** Takes {@code amount} for the borrower's debt case {@code caseId} and sends it there. */
    public Uni<BalanceEntry> payDebt(String borrowerId, UUID caseId, BigDecimal amount) {
        Assets.requireScale("amount", amount, LoanMath.USDT_SCALE);
        return move(borrowerId, LoanEvents.BalanceChanged.DEBT_PAYMENT, amount.negate(), caseId.toString(),
                BalanceEntryStatus.PENDING)
                .call(entry -> events.publish(new LoanEvents.DebtPaidFromBalance(entry.id, borrowerId, caseId,
                        amount.setScale(LoanMath.USDT_SCALE), config.currency())));
    }

    /** The debt case took the payment. */
    public Uni<Void> onApplied(DebtEvents.BalancePaymentApplied applied) {
        return pending(applied.balancePaymentId(), applied.debtorId()).invoke(entry -> {
            if (entry != null) {
                entry.status = BalanceEntryStatus.APPLIED;
            }
        }).replaceWithVoid();
    }

    /** The debt case refused the payment: it comes back to the balance, once. */
    public Uni<Void> onReturned(DebtEvents.BalancePaymentReturned returned) {
        return pending(returned.balancePaymentId(), returned.debtorId()).chain(entry -> {
            if (entry == null) {
                return Uni.createFrom().voidItem();
            }
            entry.status = BalanceEntryStatus.RETURNED;
            entry.note = returned.reason();
            Log.infof("payment %s from the balance of %s returned: %s", entry.id, entry.borrowerId, returned.reason());
            return move(entry.borrowerId, LoanEvents.BalanceChanged.DEBT_PAYMENT_RETURNED, entry.amount.negate(),
                    entry.id.toString(), BalanceEntryStatus.DONE)
                    .invoke(given -> given.note = returned.reason()).replaceWithVoid();
        });
    }

    /** The payment entry still waiting for its case's answer; null once answered. */
    private static Uni<BalanceEntry> pending(UUID paymentId, String debtorId) {
        if (paymentId == null) {
            throw new PoisonEventException("a balance payment's answer without balancePaymentId");
        }
        return BalanceEntry.<BalanceEntry>findById(paymentId).map(entry -> {
            if (entry == null || !LoanEvents.BalanceChanged.DEBT_PAYMENT.equals(entry.kind)
                    || !entry.borrowerId.equals(debtorId)) {
                throw new PoisonEventException("no payment " + paymentId + " from the balance of " + debtorId);
            }
            return entry.status == BalanceEntryStatus.PENDING ? entry : null;
        });
    }

    /** Moves {@code signed} on the borrower's balance; refuses to take it below zero. */
    private Uni<BalanceEntry> move(String borrowerId, String kind, BigDecimal signed, String reference,
                                   BalanceEntryStatus status) {
        BigDecimal amount = signed.setScale(LoanMath.USDT_SCALE);
        return balanceRow(borrowerId).chain(balance -> {
            BigDecimal before = amountOf(balance);
            BigDecimal after = before.add(amount);
            if (after.signum() < 0) {
                throw Problems.refused("insufficient-balance", "amount: the balance holds " + before.toPlainString()
                        + " " + config.currency() + "; " + amount.negate().toPlainString() + " is more than that");
            }
            balance.amount = after;
            balance.updatedAt = clock.instant();
            BalanceEntry entry = new BalanceEntry();
            entry.id = UUID.randomUUID();
            entry.borrowerId = borrowerId;
            entry.currency = config.currency();
            entry.kind = kind;
            entry.amount = amount;
            entry.balanceAfter = after;
            entry.reference = reference;
            entry.status = status;
            entry.at = clock.instant();
            return entry.persist().chain(Panache::flush)
                    .chain(() -> events.publish(new LoanEvents.BalanceChanged(borrowerId, entry.id, kind, amount,
                            after, config.currency(), reference)))
                    .replaceWith(entry);
        });
    }

    /**
     * The borrower's balance row, created at zero if they had none. Created by an upsert, not a persist: two
     * first credits of one borrower (two liquidations completing at once, on two consumers) must not fail on the
     * key; the row's version then lets one of them win and the other retry.
     */
    private Uni<Balance> balanceRow(String borrowerId) {
        Balance.Key key = new Balance.Key(borrowerId, config.currency());
        return Balance.<Balance>findById(key).chain(found -> found != null ? Uni.createFrom().item(found)
                : Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into balance (borrower_id, currency, amount, updated_at, version)
                                values (:borrower, :currency, 0, :at, 0) on conflict do nothing""")
                                .setParameter("borrower", borrowerId).setParameter("currency", config.currency())
                                .setParameter("at", java.time.OffsetDateTime.ofInstant(clock.instant(),
                                        java.time.ZoneOffset.UTC))
                                .executeUpdate())
                        .chain(() -> Balance.<Balance>findById(key)));
    }

    private static BigDecimal amountOf(Balance balance) {
        return (balance == null ? BigDecimal.ZERO : balance.amount).setScale(LoanMath.USDT_SCALE);
    }
}
