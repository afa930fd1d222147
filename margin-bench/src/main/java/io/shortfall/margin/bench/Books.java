package io.shortfall.margin.bench;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.Boundaries;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * BTC positions, all ACTIVE and GREEN, opened at an LTV uniform between 0.60 and the initial 0.65 at 60,000 with
 * the default thresholds (0.65 / 0.75 / 0.80 / 0.8333), one in ten with auto increase, collateral worth 1,000 to
 * 1,000,000 USDT: a crash to 40,000 takes every one of them from GREEN past its liquidation LTV. Seeded.
 */
final class Books {

    static final BigDecimal PRICE = new BigDecimal("60000.00000000");
    static final BigDecimal CRASH = new BigDecimal("40000.00000000");
    static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));

    /** One position as the service holds it: what the assessor is given, and its boundaries. */
    record Held(MarginAssessor.Snapshot snapshot, Boundaries boundaries) {
    }

    static Held[] build(MarginAssessor assessor, int positions) {
        Held[] held = new Held[positions];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < positions; i++) {
            BigDecimal value = BigDecimal.valueOf(1_000 + random.nextLong(999_000));
            BigDecimal collateral = value.divide(PRICE, 8, RoundingMode.DOWN);
            BigDecimal ltv = BigDecimal.valueOf(6000 + random.nextInt(501), 4);           // 0.6000 .. 0.6500
            BigDecimal debt = collateral.multiply(PRICE).multiply(ltv).setScale(2, RoundingMode.DOWN);
            var snapshot = new MarginAssessor.Snapshot(Zone.GREEN, PositionStatus.ACTIVE, false, null, 0, debt,
                    collateral, DEFAULTS, random.nextInt(10) == 0, 8);
            held[i] = new Held(snapshot, assessor.boundaries(debt, collateral, DEFAULTS));
        }
        return held;
    }

    private Books() {
    }
}
