package io.shortfall.margin.bench;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.risk.PositionState;
import io.shortfall.margin.risk.RiskBook;
import io.shortfall.margin.risk.RiskRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A million positions across BTC, ETH and SOL, all ACTIVE and GREEN, opened at an LTV uniform between 0.20
 * and the initial 0.65 at today's price, with the default thresholds (0.65 / 0.75 / 0.80 / 0.8333), one in ten
 * with auto increase. Deterministic (seeded).
 */
final class Books {

    static final int POSITIONS = 1_000_000;
    static final String[] ASSETS = {"BTC", "ETH", "SOL"};
    static final BigDecimal[] PRICES = {new BigDecimal("60000.00000000"), new BigDecimal("3000.00000000"),
            new BigDecimal("150.00000000")};
    static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));

    static RiskBook[] build(int positions) {
        RiskBook[] books = new RiskBook[ASSETS.length];
        SplittableRandom random = new SplittableRandom(42);
        for (int a = 0; a < ASSETS.length; a++) {
            int count = positions / ASSETS.length + (a < positions % ASSETS.length ? 1 : 0);
            books[a] = new RiskBook(ASSETS[a], 8, RiskRules.standard(), count);
            for (int i = 0; i < count; i++) {
                // collateral worth 1,000 to 1,000,000 USDT
                BigDecimal value = BigDecimal.valueOf(1_000 + random.nextLong(999_000));
                BigDecimal collateral = value.divide(PRICES[a], 8, RoundingMode.DOWN);
                BigDecimal ltv = BigDecimal.valueOf(2000 + random.nextInt(4501), 4);     // 0.2000 .. 0.6500
                BigDecimal debt = collateral.multiply(PRICES[a]).multiply(ltv).setScale(2, RoundingMode.DOWN);
                books[a].upsert(new PositionState(new UUID(random.nextLong(), random.nextLong()), 1, debt, collateral,
                        DEFAULTS, random.nextInt(10) == 0, PositionStatus.ACTIVE, Zone.GREEN, false, null, 0));
            }
            books[a].trim();
        }
        return books;
    }

    private Books() {
    }
}
