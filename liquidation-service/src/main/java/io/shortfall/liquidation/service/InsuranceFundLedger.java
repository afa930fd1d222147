package io.shortfall.liquidation.service;

import io.quarkus.logging.Log;
import io.shortfall.liquidation.InsuranceFund;
import io.shortfall.liquidation.InsuranceFundDraw;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * The insurance fund's balance and draws. A draw locks the fund's row for the rest of the caller's transaction,
 * so concurrent draws queue up and each {@code balanceAfter} is exact. Two first draws racing to create the row
 * make one transaction fail on the primary key; the consumer retries it.
 */
@ApplicationScoped
public class InsuranceFundLedger {

    private final LiquidationConfig config;
    private final Clock clock;

    public InsuranceFundLedger(LiquidationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The current balance: the configured initial balance until the first draw. */
    public Uni<BigDecimal> balance() {
        return InsuranceFund.<InsuranceFund>findById(config.currency())
                .map(fund -> fund == null ? initialBalance() : fund.balance);
    }

    /** Absorbs {@code liquidation}'s shortfall. Must run inside the liquidation's transaction. */
    public Uni<InsuranceFundDraw> absorbShortfall(Liquidation liquidation) {
        return InsuranceFund.<InsuranceFund>findById(config.currency(), LockModeType.PESSIMISTIC_WRITE)
                .chain(fund -> fund != null ? Uni.createFrom().item(fund) : open())
                .chain(fund -> {
                    fund.balance = fund.balance.subtract(liquidation.shortfall);
                    fund.updatedAt = clock.instant();
                    if (fund.balance.signum() < 0) {
                        Log.warnf("insurance fund in deficit: %s %s after liquidation %s", fund.balance,
                                fund.currency, liquidation.id);
                    }
                    var draw = new InsuranceFundDraw();
                    draw.id = UUID.randomUUID();
                    draw.liquidationId = liquidation.id;
                    draw.loanId = liquidation.loanId;
                    draw.currency = fund.currency;
                    draw.amount = liquidation.shortfall;
                    draw.balanceAfter = fund.balance;
                    draw.drawnAt = fund.updatedAt;
                    return draw.<InsuranceFundDraw>persist();
                });
    }

    private Uni<InsuranceFund> open() {
        var fund = new InsuranceFund();
        fund.currency = config.currency();
        fund.balance = initialBalance();
        fund.updatedAt = clock.instant();
        return fund.persist();
    }

    private BigDecimal initialBalance() {
        return config.insuranceFund().initialBalance().setScale(2);
    }
}
