package io.shortfall.margin.risk;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RiskBookTest {

    private static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static PositionState loan(UUID id, long version, String debt, PositionStatus status) {
        return new PositionState(id, version, new BigDecimal(debt), new BigDecimal("1.00000000"), DEFAULTS, false,
                status, Zone.GREEN, false, null, 0);
    }

    @Test
    void aTickThatCrossesNothingConcernsNoLoanAndOneOnTheBoundaryConcernsIt() {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 4);
        UUID id = UUID.randomUUID();
        book.upsert(loan(id, 1, "39000.00", PositionStatus.ACTIVE));   // ORANGE at 52000 exactly

        assertThat(book.candidates(new BigDecimal("52000.00000001"), T0)).isEmpty();
        assertThat(book.candidates(new BigDecimal("52000"), T0)).containsExactly(id);

        List<RiskEvent> events = new ArrayList<>();
        assertThat(book.tick(new BigDecimal("52000"), T0, false, T0, events::add)).isEqualTo(1);
        assertThat(events).containsExactly(new RiskEvent.ZoneChange(id, Zone.GREEN, Zone.ORANGE, new BigDecimal("0.7500")));
        // ORANGE: nothing until RED (48750) or released below 0.74 (52702.70270271 and up)
        assertThat(book.candidates(new BigDecimal("50000"), T0.plusSeconds(1))).isEmpty();
        assertThat(book.candidates(new BigDecimal("52702.70270270"), T0.plusSeconds(1))).isEmpty();
        assertThat(book.candidates(new BigDecimal("52702.70270271"), T0.plusSeconds(1))).containsExactly(id);
        assertThat(book.candidates(new BigDecimal("48750"), T0.plusSeconds(1))).containsExactly(id);
    }

    @Test
    void anOlderUpdateChangesNothingAndAClosedLoanLeaves() {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 4);
        UUID id = UUID.randomUUID();
        book.upsert(loan(id, 3, "39000.00", PositionStatus.ACTIVE));
        book.upsert(loan(id, 2, "10.00", PositionStatus.ACTIVE));
        assertThat(book.state(id).debt()).isEqualByComparingTo("39000");

        book.upsert(loan(id, 4, "39000.00", PositionStatus.CLOSED));
        assertThat(book.contains(id)).isFalse();
        assertThat(book.size()).isZero();
        assertThat(book.candidates(new BigDecimal("1"), T0)).isEmpty();
    }

    @Test
    void aPriceWithMoreDecimalsThanTheIndexIsEvaluatedExactly() {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 4);
        UUID id = UUID.randomUUID();
        book.upsert(loan(id, 1, "39000.00", PositionStatus.ACTIVE));
        assertThat(book.candidates(new BigDecimal("60000.000000001"), T0)).containsExactly(id);
        List<RiskEvent> events = new ArrayList<>();
        book.tick(new BigDecimal("51999.999999999"), T0, false, T0, events::add);
        assertThat(events).hasSize(1);
        assertThat(book.state(id).zone()).isEqualTo(Zone.ORANGE);
    }

    @Test
    void stressCountsTheLoansEnteringEachZoneAndTheShortfallOfThoseLiquidated() {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 4);
        book.upsert(loan(UUID.randomUUID(), 1, "39000.00", PositionStatus.ACTIVE));  // RED <= 48750, liq <= 46801.87
        book.upsert(loan(UUID.randomUUID(), 1, "30000.00", PositionStatus.ACTIVE));  // ORANGE <= 40000
        book.upsert(loan(UUID.randomUUID(), 1, "10000.00", PositionStatus.ACTIVE));

        RiskBook.Stress at38000 = book.stress(new BigDecimal("38000"));
        assertThat(at38000.entering().get(Zone.RED).loans()).isEqualTo(1);
        assertThat(at38000.entering().get(Zone.RED).debt()).isEqualByComparingTo("39000");
        assertThat(at38000.entering().get(Zone.ORANGE).loans()).isEqualTo(1);           // 30000 / 38000: 0.789
        assertThat(at38000.entering().get(Zone.ORANGE).debt()).isEqualByComparingTo("30000");
        assertThat(at38000.zones().get(Zone.GREEN).loans()).isEqualTo(1);
        assertThat(at38000.liquidated().loans()).isEqualTo(1);
        assertThat(at38000.shortfall()).isEqualByComparingTo("1000.00");   // 39000 − 1 × 38000

        RiskBook.Stress at60000 = book.stress(new BigDecimal("60000"));
        assertThat(at60000.liquidated().loans()).isZero();
        assertThat(at60000.shortfall()).isEqualByComparingTo("0");
    }

    /** The stress view counts what {@link io.shortfall.margin.domain.ZoneRule#reached} and the exact LTV say. */
    @Property(tries = 200)
    void stressAgreesWithTheExactRules(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 100, max = 1_000_000) Integer> debts,
                                       @ForAll @IntRange(min = 1, max = 200_000) int priceCents) {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 2);
        BigDecimal price = BigDecimal.valueOf(priceCents, 2);
        BigDecimal collateral = new BigDecimal("0.50000000");
        Map<Zone, Long> zones = new java.util.EnumMap<>(Zone.class);
        long liquidated = 0;
        BigDecimal shortfall = BigDecimal.ZERO;
        for (int i = 0; i < debts.size(); i++) {
            BigDecimal debt = BigDecimal.valueOf(debts.get(i), 2);
            book.upsert(new PositionState(new UUID(i, i), 1, debt, collateral, DEFAULTS, false, PositionStatus.ACTIVE,
                    Zone.GREEN, false, null, 0));
            zones.merge(io.shortfall.margin.domain.ZoneRule.reached(debt, collateral, price, DEFAULTS), 1L, Long::sum);
            if (io.shortfall.margin.domain.LtvMath.atOrAbove(debt, collateral, price, DEFAULTS.liquidation())) {
                liquidated++;
                shortfall = shortfall.add(debt.subtract(collateral.multiply(price)).max(BigDecimal.ZERO));
            }
        }
        RiskBook.Stress stress = book.stress(price);
        for (Zone zone : Zone.values()) {
            assertThat(stress.zones().get(zone).loans()).isEqualTo(zones.getOrDefault(zone, 0L));
        }
        assertThat(stress.liquidated().loans()).isEqualTo(liquidated);
        assertThat(stress.shortfall()).isEqualByComparingTo(shortfall.setScale(2, java.math.RoundingMode.UP));
    }

    /** Adds and removes in any order keep every loan findable and its index entries right. */
    @Property(tries = 200)
    void upsertsAndRemovalsKeepTheBookConsistent(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 60) Integer> ops) {
        RiskBook book = new RiskBook("BTC", 8, RiskRules.standard(), 2);
        Map<UUID, Long> expected = new HashMap<>();
        for (int op : ops) {
            UUID id = new UUID(op % 30, op % 30);
            if (op >= 30) {
                book.remove(id);
                expected.remove(id);
            } else {
                long debt = 1000 + op * 1000L;
                book.upsert(loan(id, expected.getOrDefault(id, 0L) + 1, debt + ".00", PositionStatus.ACTIVE));
                expected.put(id, expected.getOrDefault(id, 0L) + 1);
            }
        }
        assertThat(book.size()).isEqualTo(expected.size());
        for (UUID id : expected.keySet()) {
            assertThat(book.state(id).version()).isEqualTo(expected.get(id));
        }
        // a price of 1 puts every loan in reach of its next boundary
        assertThat(book.candidates(BigDecimal.ONE, T0)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(book.candidates(new BigDecimal("1000000"), T0)).isEmpty();
    }
}
