package io.shortfall.margin.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the engine makes a margin call: on entering RED, then every six hours by the clock while RED. */
class MarginCallScheduleTest {

    private final MarginAssessor assessor = new MarginAssessor(RiskRules.standard());
    private final Instant call = Instant.parse("2026-11-22T10:00:00Z");

    /** Is a call made at {@code now} for a loan deep in RED whose last call of the stretch was {@code last}? */
    private boolean isDue(Instant last, Instant now) {
        var loan = new MarginAssessor.Snapshot(last == null ? Zone.ORANGE : Zone.RED, PositionStatus.ACTIVE, true,
                last, 0, new java.math.BigDecimal("90000"), java.math.BigDecimal.ONE, ZoneRuleTest.DEFAULTS, false, 8);
        return assessor.assess(loan, new java.math.BigDecimal("100000"), now, false, now).call() != null;
    }

    @Test
    void theFirstCallOfARedStretchIsDueAtOnce() {
        assertThat(isDue(null, call)).isTrue();
    }

    @Test
    void aCallIsRepeatedSixHoursAfterTheLast() {
        assertThat(isDue(call, call)).isFalse();
        assertThat(isDue(call, call.plus(Duration.ofHours(6)).minusMillis(1))).isFalse();
        assertThat(isDue(call, call.plus(Duration.ofHours(6)))).isTrue();
        assertThat(isDue(call, call.plus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new RiskRules(RiskRules.ONE_POINT, Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
