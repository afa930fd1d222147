package io.shortfall.margin.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarginCallScheduleTest {

    private final MarginCallSchedule schedule = new MarginCallSchedule(Duration.ofHours(6));
    private final Instant call = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theFirstCallOfARedStretchIsDueAtOnce() {
        assertThat(schedule.isDue(null, call)).isTrue();
    }

    @Test
    void aCallIsRepeatedSixHoursAfterTheLast() {
        assertThat(schedule.isDue(call, call)).isFalse();
        assertThat(schedule.isDue(call, call.plus(Duration.ofHours(6)).minusMillis(1))).isFalse();
        assertThat(schedule.isDue(call, call.plus(Duration.ofHours(6)))).isTrue();
        assertThat(schedule.isDue(call, call.plus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new MarginCallSchedule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
