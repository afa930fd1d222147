package io.shortfall.margin.domain;

import io.shortfall.margin.domain.MarginEngine.Trigger;
import io.shortfall.margin.domain.MarginAssessor.Assessment;
import io.shortfall.margin.domain.MarginAssessor.Snapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.shortfall.margin.domain.ZoneRuleTest.DEFAULTS;
import static org.assertj.core.api.Assertions.assertThat;

class MarginAssessorTest {

    private static final BigDecimal DEBT = new BigDecimal("39000.00");
    private static final BigDecimal ONE_BTC = new BigDecimal("1.00000000");
    private final MarginAssessor assessor = new MarginAssessor(RiskRules.standard());
    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Snapshot opened(boolean autoIncrease) {
        return new Snapshot(Zone.GREEN, PositionStatus.ACTIVE, false, null, 0, DEBT, ONE_BTC, DEFAULTS, autoIncrease, 8);
    }

    /** The loan's state after {@code a} was applied, as the service stores it. */
    private static Snapshot after(Snapshot before, Assessment a) {
        return new Snapshot(a.to(), before.status(), before.triggered() || a.triggers(), a.lastMarginCallAt(),
                a.marginCallRepeat(), before.debt(), before.collateral(), before.thresholds(), before.autoIncrease(),
                before.assetScale());
    }

    private Assessment at(Snapshot loan, String price, Instant observedAt) {
        return assessor.assess(loan, new BigDecimal(price), observedAt, false, observedAt);
    }

    @Test
    void aCrashWarnsThenCallsThenTriggersOnce() {
        Snapshot loan = opened(false);                              // 39000 against 1 BTC opened at 60000: 0.65

        Assessment orange = at(loan, "52000", t0);                 // 0.7500
        assertThat(orange.zoneChanged()).isTrue();
        assertThat(orange.to()).isEqualTo(Zone.ORANGE);
        assertThat(orange.ltv()).hasToString("0.7500");
        assertThat(orange.call()).isNull();
        assertThat(orange.topUp()).isNull();
        loan = after(loan, orange);

        Assessment red = at(loan, "48000", t0.plusSeconds(60));   // 0.8125
        assertThat(red.from()).isEqualTo(Zone.ORANGE);
        assertThat(red.to()).isEqualTo(Zone.RED);
        assertThat(red.call()).isNotNull();
        assertThat(red.call().repeat()).isZero();
        // 39000 / (0.65 × 48000) = 1.25 BTC in all; 39000 − 0.65 × 48000 = 7800.
        assertThat(red.call().terms().addCollateral()).isEqualByComparingTo("0.25");
        assertThat(red.call().terms().orRepay()).hasToString("7800.00");
        assertThat(red.call().terms().liquidationPrice()).hasToString("46801.87207488");
        assertThat(red.trigger()).isEqualTo(Trigger.BELOW_THRESHOLD);
        loan = after(loan, red);

        Assessment crash = at(loan, "46801.87207488", t0.plusSeconds(120));
        assertThat(crash.zoneChanged()).isFalse();
        assertThat(crash.call()).isNull();
        assertThat(crash.triggers()).isTrue();
        loan = after(loan, crash);

        Assessment again = at(loan, "46801.87207488", t0.plusSeconds(120));
        assertThat(again.zoneChanged()).isFalse();
        assertThat(again.call()).isNull();
        assertThat(again.trigger()).isEqualTo(Trigger.ALREADY_TRIGGERED);
    }

    @Test
    void aCrashStraightFromGreenDoesEverythingInOneTick() {
        Assessment a = at(opened(true), "40000", t0);               // 0.975
        assertThat(a.from()).isEqualTo(Zone.GREEN);
        assertThat(a.to()).isEqualTo(Zone.RED);
        assertThat(a.call().repeat()).isZero();
        // 39000 / (0.65 × 40000) = 1.5 BTC in all
        assertThat(a.topUp()).isEqualByComparingTo("0.5");
        assertThat(a.triggers()).isTrue();
    }

    @Test
    void whileRedTheCallIsRepeatedEverySixHours() {
        Snapshot loan = opened(false);
        Assessment first = at(loan, "48000", t0);
        loan = after(loan, first);
        Assessment soon = at(loan, "48100", t0.plus(Duration.ofHours(5)));
        assertThat(soon.call()).isNull();
        loan = after(loan, soon);
        Assessment repeat = at(loan, "48200", t0.plus(Duration.ofHours(6)));
        assertThat(repeat.call().repeat()).isEqualTo(1);
        loan = after(loan, repeat);
        Assessment twice = at(loan, "48200", t0.plus(Duration.ofHours(12)));
        assertThat(twice.call().repeat()).isEqualTo(2);
        loan = after(loan, twice);

        Assessment recovered = at(loan, "51000", t0.plus(Duration.ofHours(13)));  // 0.7647: ORANGE
        assertThat(recovered.to()).isEqualTo(Zone.ORANGE);
        assertThat(recovered.lastMarginCallAt()).isNull();
        loan = after(loan, recovered);
        Assessment redAgain = at(loan, "48000", t0.plus(Duration.ofHours(14)));
        assertThat(redAgain.call().repeat()).isZero();
    }

    @Test
    void autoIncreaseIsRequestedOnEnteringOrangeOrWorseOnly() {
        Snapshot loan = opened(true);
        Assessment orange = at(loan, "52000", t0);
        // 39000 / (0.65 × 52000) = 1.15384615... BTC: add 0.15384616
        assertThat(orange.topUp()).hasToString("0.15384616");
        loan = after(loan, orange);
        assertThat(at(loan, "51000", t0.plusSeconds(1)).topUp()).isNull();
        Assessment red = at(loan, "48000", t0.plusSeconds(2));
        assertThat(red.topUp()).isEqualByComparingTo("0.25");
        assertThat(at(opened(false), "52000", t0).topUp()).isNull();
    }

    @Test
    void aLoanBeingLiquidatedIsNeitherCalledNorToppedUpNorTriggeredAgain() {
        Snapshot locked = new Snapshot(Zone.GREEN, PositionStatus.LIQUIDATING, true, null, 0, DEBT, ONE_BTC, DEFAULTS,
                true, 8);
        Assessment a = at(locked, "40000", t0);
        assertThat(a.to()).isEqualTo(Zone.RED);
        assertThat(a.call()).isNull();
        assertThat(a.topUp()).isNull();
        assertThat(a.trigger()).isEqualTo(Trigger.NOT_ACTIVE);
    }

    @Test
    void aStaleOrBreakerHaltedTickStillMovesZonesAndCallsButDoesNotTrigger() {
        Assessment stale = assessor.assess(opened(false), new BigDecimal("40000"), t0, false,
                t0.plus(Duration.ofMinutes(10)));
        assertThat(stale.to()).isEqualTo(Zone.RED);
        assertThat(stale.call()).isNotNull();
        assertThat(stale.trigger()).isEqualTo(Trigger.STALE_PRICE);
        Assessment halted = assessor.assess(opened(false), new BigDecimal("40000"), t0, true, t0);
        assertThat(halted.call()).isNotNull();
        assertThat(halted.trigger()).isEqualTo(Trigger.BREAKER_TRIPPED);
    }

    @Property
    void replayingTheSameTickChangesNothing(
            @ForAll @Size(min = 1, max = 20) List<@BigRange(min = "30000", max = "70000") @Scale(2) BigDecimal> prices) {
        Snapshot loan = opened(true);
        Instant at = t0;
        for (BigDecimal price : prices) {
            at = at.plus(Duration.ofHours(1));
            Assessment first = assessor.assess(loan, price, at, false, at);
            loan = after(loan, first);
            Assessment replay = assessor.assess(loan, price, at, false, at);
            assertThat(replay.zoneChanged()).isFalse();
            assertThat(replay.call()).isNull();
            assertThat(replay.topUp()).isNull();
            assertThat(replay.triggers()).isFalse();
            assertThat(after(loan, replay)).isEqualTo(loan);
        }
    }

    @Property
    void aLoanIsTriggeredAtMostOnceWhateverThePrices(
            @ForAll @Size(min = 1, max = 30) List<@BigRange(min = "30000", max = "70000") @Scale(2) BigDecimal> prices) {
        Snapshot loan = opened(false);
        Instant at = t0;
        int triggers = 0;
        for (BigDecimal price : prices) {
            at = at.plusSeconds(30);
            Assessment a = assessor.assess(loan, price, at, false, at);
            triggers += a.triggers() ? 1 : 0;
            loan = after(loan, a);
        }
        assertThat(triggers).isLessThanOrEqualTo(1);
        boolean everAtLiquidation = prices.stream()
                .anyMatch(p -> LtvMath.atOrAbove(DEBT, ONE_BTC, p, DEFAULTS.liquidation()));
        assertThat(triggers == 1).isEqualTo(everAtLiquidation);
    }
}
