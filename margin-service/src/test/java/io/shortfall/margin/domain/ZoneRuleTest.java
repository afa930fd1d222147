package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Zones and their hysteresis, as the engine decides them. */
class ZoneRuleTest {

    static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));
    /** With 1 unit of collateral at this price, the debt is the LTV × 100000 exactly. */
    static final BigDecimal PRICE = new BigDecimal("100000");
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-22T10:00:00Z");
    private static final MarginAssessor ASSESSOR = new MarginAssessor(RiskRules.standard());

    /** The zone the engine decides for a loan in {@code current} at this debt, collateral and price. */
    static Zone next(Zone current, BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds) {
        var loan = new MarginAssessor.Snapshot(current, PositionStatus.LIQUIDATING, true, null, 0, debt, collateral,
                thresholds, false, 8);
        return ASSESSOR.assess(loan, price, NOW, false, NOW).to();
    }

    /** The zone by the thresholds alone. */
    static Zone reached(BigDecimal debt, BigDecimal collateral, BigDecimal price, Thresholds thresholds) {
        return ASSESSOR.boundaries(debt, collateral, thresholds).reached(PriceKey.of(price));
    }

    static BigDecimal debtAt(String ltv) {
        return debtAt(new BigDecimal(ltv));
    }

    static BigDecimal debtAt(BigDecimal ltv) {
        return ltv.multiply(PRICE);
    }

    private Zone next(Zone current, String ltv) {
        return next(current, debtAt(ltv), BigDecimal.ONE, PRICE, DEFAULTS);
    }

    @ParameterizedTest(name = "from {0} at LTV {1}: {2}")
    @CsvSource({
            // Toward danger: as soon as the threshold is reached.
            "GREEN, 0.7499, GREEN", "GREEN, 0.75, ORANGE", "GREEN, 0.7999, ORANGE", "GREEN, 0.80, RED",
            "GREEN, 0.95, RED", "ORANGE, 0.80, RED",
            // Toward safety: one point below the boundary crossed.
            "ORANGE, 0.7401, ORANGE", "ORANGE, 0.74, GREEN", "ORANGE, 0.20, GREEN",
            "RED, 0.7901, RED", "RED, 0.79, ORANGE", "RED, 0.7401, ORANGE", "RED, 0.74, GREEN",
            // Between a boundary and a point below it, the zone stays.
            "ORANGE, 0.7450, ORANGE", "RED, 0.7950, RED"})
    void zoneWithHysteresis(Zone from, String ltv, Zone expected) {
        assertThat(next(from, ltv)).isEqualTo(expected);
    }

    @Test
    void thresholdsAreComparedExactlyNotThroughARoundedRatio() {
        // 0.8 × 3 × 12345.67 = 29629.608: one cent under it is still ORANGE, although its LTV rounds to 0.8000.
        var collateral = new BigDecimal("3");
        var price = new BigDecimal("12345.67");
        assertThat(next(Zone.GREEN, new BigDecimal("29629.60"), collateral, price, DEFAULTS)).isEqualTo(Zone.ORANGE);
        assertThat(LtvMath.ltv(new BigDecimal("29629.60"), collateral, price)).isEqualByComparingTo("0.8000");
        assertThat(next(Zone.GREEN, new BigDecimal("29629.61"), collateral, price, DEFAULTS)).isEqualTo(Zone.RED);
    }

    @Test
    void aLoansOwnThresholdsApply() {
        var strict = new Thresholds(new BigDecimal("0.50"), new BigDecimal("0.60"), new BigDecimal("0.70"),
                new BigDecimal("0.75"));
        assertThat(next(Zone.GREEN, debtAt("0.65"), BigDecimal.ONE, PRICE, strict)).isEqualTo(Zone.ORANGE);
        assertThat(next(Zone.GREEN, debtAt("0.70"), BigDecimal.ONE, PRICE, strict)).isEqualTo(Zone.RED);
    }

    @Provide
    Arbitrary<BigDecimal> boundaries() {
        return Arbitraries.of(DEFAULTS.warning(), DEFAULTS.marginCall());
    }

    @Property
    void aPriceHoveringHalfAPointAroundABoundaryNeverFlipsTheZoneBackAndForth(
            @ForAll("boundaries") BigDecimal boundary,
            @ForAll @Size(min = 2, max = 40) List<@BigRange(min = "-0.005", max = "0.005") @Scale(4) BigDecimal> moves) {
        // Start where a loan just under the boundary would be: GREEN under the warning, ORANGE under the call.
        Zone zone = reached(debtAt(boundary.subtract(new BigDecimal("0.005"))), BigDecimal.ONE, PRICE,
                DEFAULTS);
        int changes = 0;
        for (BigDecimal move : moves) {
            Zone next = next(zone, debtAt(boundary.add(move)), BigDecimal.ONE, PRICE, DEFAULTS);
            if (next != zone) {
                changes++;
            }
            zone = next;
        }
        assertThat(changes).isLessThanOrEqualTo(1);
    }

    @Property
    void fromGreenZonesAreMonotoneInLtv(@ForAll @BigRange(min = "0", max = "1.2") @Scale(4) BigDecimal a,
                                        @ForAll @BigRange(min = "0", max = "1.2") @Scale(4) BigDecimal b) {
        BigDecimal low = a.min(b);
        BigDecimal high = a.max(b);
        Zone atLow = next(Zone.GREEN, debtAt(low), BigDecimal.ONE, PRICE, DEFAULTS);
        Zone atHigh = next(Zone.GREEN, debtAt(high), BigDecimal.ONE, PRICE, DEFAULTS);
        assertThat(atLow.isWorseThan(atHigh)).isFalse();
    }

    @Property
    void theZoneIsNeverSaferThanTheThresholdsSayAndLeavesAZoneOnlyOnePointBelowIt(
            @ForAll Zone current, @ForAll @BigRange(min = "0", max = "1.2") @Scale(4) BigDecimal ltv) {
        Zone next = next(current, debtAt(ltv), BigDecimal.ONE, PRICE, DEFAULTS);
        Zone reached = reached(debtAt(ltv), BigDecimal.ONE, PRICE, DEFAULTS);
        assertThat(reached.isWorseThan(next)).isFalse();
        if (current.isWorseThan(next)) {
            BigDecimal boundaryLeft = current == Zone.RED ? DEFAULTS.marginCall() : DEFAULTS.warning();
            assertThat(ltv).isLessThanOrEqualTo(boundaryLeft.subtract(RiskRules.ONE_POINT));
        }
    }
}
