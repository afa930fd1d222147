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

class ClaimLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(10);

    @Test
    void aLeaseIsSpentStartingSendingAndRecording() {
        assertThat(ClaimLease.sendingWindow(LEASE)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ClaimLease.smtpTimeout(LEASE)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ClaimLease.sendingWindow(LEASE).plus(ClaimLease.smtpTimeout(LEASE)))
                .as("a tenth is left to record the answer").isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void withoutARateARoundIsTheBatch() {
        assertThat(ClaimLease.roundSize(200, 0, LEASE)).isEqualTo(200);
    }

    @Test
    void withARateARoundIsWhatTheSendingWindowStarts() {
        assertThat(ClaimLease.roundSize(200, 5, LEASE)).isEqualTo(20);
        assertThat(ClaimLease.roundSize(200, 100, LEASE)).isEqualTo(200);
        assertThat(ClaimLease.roundSize(200, 0.25, LEASE)).isEqualTo(1);
    }

    @Test
    void aRateTooSlowForTheLeaseIsRefused() {
        assertThatThrownBy(() -> ClaimLease.check(0.2, LEASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shortfall.mail.max-per-second (0.2)")
                .hasMessageContaining("PT10S");
        assertThatCode(() -> ClaimLease.check(0.25, LEASE)).doesNotThrowAnyException();
        assertThatCode(() -> ClaimLease.check(0, LEASE)).doesNotThrowAnyException();
    }

    @Property
    void aRoundStartsItsLastEmailInsideTheSendingWindow(@ForAll @IntRange(min = 1, max = 10_000) int batchSize,
                                                       @ForAll @DoubleRange(min = 0.01, max = 10_000) double perSecond,
                                                       @ForAll @LongRange(min = 1, max = 3_600_000) long leaseMillis) {
        Duration lease = Duration.ofMillis(leaseMillis);
        int size = ClaimLease.roundSize(batchSize, perSecond, lease);
        assertThat(size).isBetween(1, batchSize);
        double window = ClaimLease.sendingWindow(lease).toMillis() / 1000.0;
        if (perSecond * window >= 1) {
            // The round's last email gets its turn (size - 1) intervals after the first.
            assertThat((size - 1) / perSecond).isLessThanOrEqualTo(window);
        }
    }
}
