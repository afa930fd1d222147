package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.loan.Reserve;
import io.shortfall.loan.config.LoanConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Borrowers' collateral reserves (docs/DOMAIN.md, "Auto increase"): deposits in, auto increases out. */
@ApplicationScoped
public class Reserves {

    private final Assets assets;
    private final Clock clock;

    public Reserves(Assets assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    public record Balance(@NotNull String asset, @NotNull BigDecimal balance) {
    }

    /** The borrower's balance in every supported asset (zero where they never deposited). */
    public Uni<List<Balance>> of(String borrowerId) {
        return Reserve.<Reserve>list("id.borrowerId", borrowerId).map(found -> {
            Map<String, Reserve> byAsset = found.stream().collect(Collectors.toMap(r -> r.id.asset, Function.identity()));
            return assets.symbols().stream().map(symbol -> {
                Reserve reserve = byAsset.get(symbol);
                int scale = assets.find(symbol).orElseThrow().scale();
                return new Balance(symbol, reserve == null ? BigDecimal.ZERO.setScale(scale) : reserve.balance.setScale(scale));
            }).toList();
        });
    }

    /** Adds {@code amount} to the borrower's reserve of {@code asset}. Runs in the caller's transaction. */
    public Uni<Balance> deposit(String borrowerId, String asset, BigDecimal amount) {
        LoanConfig.Asset terms = assets.require(asset, "asset");
        Assets.requireScale("amount", amount, terms.scale());
        BigDecimal added = amount.setScale(terms.scale());
        return Reserve.<Reserve>findById(new Reserve.Key(borrowerId, asset)).chain(reserve -> {
            if (reserve == null) {
                Reserve created = new Reserve();
                created.id = new Reserve.Key(borrowerId, asset);
                created.balance = added;
                created.updatedAt = clock.instant();
                return created.persist().replaceWith(created);
            }
            reserve.balance = reserve.balance.add(added).setScale(terms.scale());
            reserve.updatedAt = clock.instant();
            return Uni.createFrom().item(reserve);
        }).call(Panache::flush).map(reserve -> new Balance(asset, reserve.balance));
    }

    /** What the borrower's reserve of {@code asset} holds now, at the asset's scale. */
    public Uni<BigDecimal> balance(String borrowerId, String asset) {
        int scale = assets.require(asset, "asset").scale();
        return Reserve.<Reserve>findById(new Reserve.Key(borrowerId, asset))
                .map(reserve -> (reserve == null ? BigDecimal.ZERO : reserve.balance).setScale(scale));
    }

    /**
     * Takes up to {@code wanted} out of the borrower's reserve: what it holds if less. Returns what was taken
     * and what the reserve held. Runs in the caller's transaction.
     */
    public Uni<Withdrawal> take(String borrowerId, String asset, BigDecimal wanted) {
        return Reserve.<Reserve>findById(new Reserve.Key(borrowerId, asset)).map(reserve -> {
            BigDecimal available = reserve == null ? BigDecimal.ZERO.setScale(wanted.scale()) : reserve.balance;
            BigDecimal taken = wanted.min(available);
            if (taken.signum() > 0) {
                reserve.balance = reserve.balance.subtract(taken);
                reserve.updatedAt = clock.instant();
            }
            return new Withdrawal(taken, available);
        });
    }

    public record Withdrawal(BigDecimal taken, BigDecimal available) {
    }
}
