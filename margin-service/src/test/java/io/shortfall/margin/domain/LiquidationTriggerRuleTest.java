package io.shortfall.margin.domain;

import io.shortfall.margin.domain.MarginEngine.Trigger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LiquidationTriggerRuleTest {

    private static final BigDecimal LIQUIDATION = new BigDecimal("0.8333");
    private static final BigDecimal COLLATERAL = new BigDecimal("1");
    private static final BigDecimal PRICE = new BigDecimal("36000");
    /** 0.8333 × 36000 = 29998.80 exactly. */
    private static final BigDecimal AT_THRESHOLD = new BigDecimal("29998.80");
    private static final io.shortfall.events.Thresholds THRESHOLDS = new io.shortfall.events.Thresholds(
            new BigDecimal("0.65"), new BigDecimal("0.75"), new BigDecimal("0.80"), LIQUIDATION);
    private final MarginAssessor assessor = new MarginAssessor(RiskRules.standard());
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    /** The trigger decision of the engine for a loan in RED (called already) at this debt. */
    private Trigger decide(BigDecimal debt, PositionStatus status, boolean triggered, Instant observedAt,
                           boolean breaker) {
        var loan = new MarginAssessor.Snapshot(Zone.RED, status, triggered, now, 0, debt, COLLATERAL, THRESHOLDS,
                false, 8);
        return assessor.assess(loan, PRICE, observedAt, breaker, now).trigger();
    }

    @Test
    void atTheLiquidationLtvOnAFreshSanePriceAnActiveLoanIsTriggered() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now, false)).isEqualTo(Trigger.TRIGGER);
    }

    @Test
    void theThresholdIsComparedExactly() {
        assertThat(decide(new BigDecimal("29998.79"), PositionStatus.ACTIVE, false, now, false))
                .isEqualTo(Trigger.BELOW_THRESHOLD);
    }

    @Test
    void aLoanIsTriggeredOnce() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, true, now, false)).isEqualTo(Trigger.ALREADY_TRIGGERED);
    }

    @Test
    void onlyAnActiveLoanIsTriggered() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.LIQUIDATING, false, now, false)).isEqualTo(Trigger.NOT_ACTIVE);
        assertThat(decide(AT_THRESHOLD, PositionStatus.CLOSED, false, now, false)).isEqualTo(Trigger.NOT_ACTIVE);
    }

    @Test
    void aPriceOlderThanFiveMinutesIsStale() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now.minus(Duration.ofMinutes(5)), false))
                .isEqualTo(Trigger.TRIGGER);
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false,
                now.minus(Duration.ofMinutes(5)).minusMillis(1), false)).isEqualTo(Trigger.STALE_PRICE);
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now.plusSeconds(2), false))
                .isEqualTo(Trigger.TRIGGER);
    }

    @Test
    void aTrippedBreakerHaltsTheTrigger() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now, true)).isEqualTo(Trigger.BREAKER_TRIPPED);
    }

    @Property
    void whatHaltsATriggerAlwaysHaltsIt(@ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal debt,
                                        @ForAll PositionStatus status, @ForAll boolean triggered,
                                        @ForAll @IntRange(min = 0, max = 3600) int ageSeconds,
                                        @ForAll boolean breaker) {
        Trigger decision = decide(debt, status, triggered, now.minusSeconds(ageSeconds), breaker);
        boolean mayTrigger = debt.compareTo(AT_THRESHOLD) >= 0 && status == PositionStatus.ACTIVE && !triggered
                && ageSeconds <= 300 && !breaker;
        assertThat(decision == Trigger.TRIGGER).isEqualTo(mayTrigger);
    }
}
