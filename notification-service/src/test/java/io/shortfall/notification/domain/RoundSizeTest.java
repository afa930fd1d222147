package io.shortfall.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundSizeTest {

    @Test
    void withoutARateARoundIsTheBatch() {
        assertThat(RoundSize.of(200, 0, Duration.ofSeconds(10))).isEqualTo(200);
    }

    @Test
    void withARateARoundIsWhatHalfALeaseSends() {
        assertThat(RoundSize.of(200, 5, Duration.ofSeconds(10))).isEqualTo(25);
        assertThat(RoundSize.of(200, 100, Duration.ofSeconds(10))).isEqualTo(200);
        assertThat(RoundSize.of(200, 0.25, Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void aRateTooSlowForTheLeaseIsRefused() {
        assertThatThrownBy(() -> RoundSize.check(0.1, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shortfall.mail.max-per-second (0.1)")
                .hasMessageContaining("PT10S");
        assertThatCode(() -> RoundSize.check(0.2, Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatCode(() -> RoundSize.check(0, Duration.ofSeconds(10))).doesNotThrowAnyException();
    }

    @Property
    void aRoundNeverOutlastsHalfItsLease(@ForAll @IntRange(min = 1, max = 10_000) int batchSize,
                                         @ForAll @DoubleRange(min = 0.01, max = 10_000) double perSecond,
                                         @ForAll @LongRange(min = 1, max = 3_600_000) long leaseMillis) {
        Duration lease = Duration.ofMillis(leaseMillis);
        int size = RoundSize.of(batchSize, perSecond, lease);
        assertThat(size).isBetween(1, batchSize);
        boolean allowed = perSecond * leaseMillis >= 2000;
        if (allowed) {
            // The round's last email gets its turn (size - 1) intervals after the first, within half the lease.
            assertThat((size - 1) / perSecond).isLessThanOrEqualTo(leaseMillis / 2000.0);
        }
    }
}
