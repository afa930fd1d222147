package io.shortfall.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in its tests, replacing the kit's default bean ({@code io.shortfall.kit.time.Clocks}): the
 * system's time, moved forward by {@link #advance(Duration)} so a test reaches a due date, the end of quiet hours
 * or the next day's accrual without waiting. A test that moves it puts it back with {@link #reset()}.
 * <p>
 * The offset is kept once per JVM (one application under test), so a helper outside CDI reads the same time
 * with {@code new TestClock()}.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Duration ahead = Duration.ZERO;

    /** From now on the service sees time {@code by} later than it is. */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
