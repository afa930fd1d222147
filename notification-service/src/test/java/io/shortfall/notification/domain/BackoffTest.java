package io.shortfall.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 5);

    @Test
    void doublesFromTheFirstWaitUpToTheLongest() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
        assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void neverShrinksAndNeverExceedsTheLongest(@ForAll @IntRange(min = 1, max = 200) int attempts) {
        assertThat(backoff.delayAfter(attempts + 1)).isGreaterThanOrEqualTo(backoff.delayAfter(attempts));
        assertThat(backoff.delayAfter(attempts)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }
}
