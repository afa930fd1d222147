package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The margin rules written the plain way, for the tests only: every comparison in {@code BigDecimal}
 * ({@code debt ≥ LTV × collateral × price}), nothing precomputed. The engine must decide as this does.
 */
final class NaiveMargin {

    /** A loan between decisions. */
    record Loan(BigDecimal debt, BigDecimal collateral, Thresholds thresholds, boolean autoIncrease,
                PositionStatus status, Zone zone, boolean triggered, Instant lastCallAt, int repeat) {

        Loan with(Zone zone, boolean triggered, Instant lastCallAt, int repeat) {
            return new Loan(debt, collateral, thresholds, autoIncrease, status, zone, triggered, lastCallAt, repeat);
        }
    }

    /** What a decision emits, in order: "zone GREEN->RED", "call 0", "top-up 0.25", "trigger". */
    record Decided(Loan after, List<String> events) {
    }

    private final RiskRules rules;

    NaiveMargin(RiskRules rules) {
        this.rules = rules;
    }

    Decided decide(Loan loan, BigDecimal price, Instant observedAt, Instant now, boolean breaker) {
        Zone reached = atOrAbove(loan, price, loan.thresholds().marginCall()) ? Zone.RED
                : atOrAbove(loan, price, loan.thresholds().warning()) ? Zone.ORANGE : Zone.GREEN;
        Zone to = reached;
        if (loan.zone().isWorseThan(reached)) {
            BigDecimal h = rules.hysteresis();
            Zone released = !atOrBelow(loan, price, loan.thresholds().marginCall().subtract(h)) ? Zone.RED
                    : !atOrBelow(loan, price, loan.thresholds().warning().subtract(h)) ? Zone.ORANGE : Zone.GREEN;
            to = released.isWorseThan(loan.zone()) ? loan.zone() : released;
        }
        List<String> events = new ArrayList<>();
        if (to != loan.zone()) {
            events.add("zone " + loan.zone() + "->" + to);
        }
        boolean active = loan.status() == PositionStatus.ACTIVE;
        boolean stillRed = to == Zone.RED && loan.zone() == Zone.RED;
        Instant last = stillRed ? loan.lastCallAt() : null;
        int repeat = stillRed ? loan.repeat() : 0;
        if (to == Zone.RED && active
                && (last == null || Duration.between(last, now).compareTo(rules.marginCallRepeat()) >= 0)) {
            repeat = last == null ? 0 : repeat + 1;
            last = now;
            events.add("call " + repeat);
        }
        if (active && loan.autoIncrease() && to.isWorseThan(loan.zone()) && to != Zone.GREEN) {
            events.add("top-up");
        }
        boolean stale = Duration.between(observedAt, now).compareTo(rules.priceMaxAge()) > 0;
        boolean trigger = atOrAbove(loan, price, loan.thresholds().liquidation()) && active && !loan.triggered()
                && !stale && !breaker;
        if (trigger) {
            events.add("trigger");
        }
        return new Decided(loan.with(to, loan.triggered() || trigger, last, repeat), events);
    }

    private static boolean atOrAbove(Loan loan, BigDecimal price, BigDecimal ltv) {
        return loan.debt().compareTo(ltv.multiply(loan.collateral()).multiply(price)) >= 0;
    }

    private static boolean atOrBelow(Loan loan, BigDecimal price, BigDecimal ltv) {
        return loan.debt().compareTo(ltv.multiply(loan.collateral()).multiply(price)) <= 0;
    }
}
