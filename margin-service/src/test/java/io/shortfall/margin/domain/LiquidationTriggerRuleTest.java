package io.shortfall.margin.domain;

import io.shortfall.margin.domain.LiquidationTriggerRule.Decision;
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
    private final LiquidationTriggerRule rule = new LiquidationTriggerRule(Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    private Decision decide(BigDecimal debt, PositionStatus status, boolean triggered, Instant observedAt,
                            boolean breaker) {
        return rule.decide(debt, COLLATERAL, PRICE, LIQUIDATION, status, triggered, observedAt, breaker, now);
    }

    @Test
    void atTheLiquidationLtvOnAFreshSanePriceAnActiveLoanIsTriggered() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now, false)).isEqualTo(Decision.TRIGGER);
    }

    @Test
    void theThresholdIsComparedExactly() {
        assertThat(decide(new BigDecimal("29998.79"), PositionStatus.ACTIVE, false, now, false))
                .isEqualTo(Decision.BELOW_THRESHOLD);
    }

    @Test
    void aLoanIsTriggeredOnce() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, true, now, false)).isEqualTo(Decision.ALREADY_TRIGGERED);
    }

    @Test
    void onlyAnActiveLoanIsTriggered() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.LIQUIDATING, false, now, false)).isEqualTo(Decision.NOT_ACTIVE);
        assertThat(decide(AT_THRESHOLD, PositionStatus.CLOSED, false, now, false)).isEqualTo(Decision.NOT_ACTIVE);
    }

    @Test
    void aPriceOlderThanFiveMinutesIsStale() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now.minus(Duration.ofMinutes(5)), false))
                .isEqualTo(Decision.TRIGGER);
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false,
                now.minus(Duration.ofMinutes(5)).minusMillis(1), false)).isEqualTo(Decision.STALE_PRICE);
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now.plusSeconds(2), false))
                .isEqualTo(Decision.TRIGGER);
    }

    @Test
    void aTrippedBreakerHaltsTheTrigger() {
        assertThat(decide(AT_THRESHOLD, PositionStatus.ACTIVE, false, now, true)).isEqualTo(Decision.BREAKER_TRIPPED);
    }

    @Property
    void whatHaltsATriggerAlwaysHaltsIt(@ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal debt,
                                        @ForAll PositionStatus status, @ForAll boolean triggered,
                                        @ForAll @IntRange(min = 0, max = 3600) int ageSeconds,
                                        @ForAll boolean breaker) {
        Decision decision = decide(debt, status, triggered, now.minusSeconds(ageSeconds), breaker);
        boolean mayTrigger = debt.compareTo(AT_THRESHOLD) >= 0 && status == PositionStatus.ACTIVE && !triggered
                && ageSeconds <= 300 && !breaker;
        assertThat(decision == Decision.TRIGGER).isEqualTo(mayTrigger);
    }
}
