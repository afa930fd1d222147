package io.shortfall.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window, in the debtor's own time zone, in which no collection email is sent ({@code [start, end)}); it
 * may span midnight (21:00–08:00, the default, from Reg F's "inconvenient times").
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        if (start == null || end == null || start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start and a different end");
        }
    }

    /** Whether {@code time} (a wall-clock time) falls in the window. */
    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code instant} if it is outside the window in {@code zone}, else the end of the window it falls in. */
    public Instant nextAllowed(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return instant;
        }
        // In the window: its end is today if we are before the end (the morning part), else tomorrow.
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        ZonedDateTime allowed = local.toLocalTime().isBefore(end) ? endToday : endToday.plusDays(1);
        // A DST gap may move the wall clock; the resolved instant is still the first allowed one.
        return allowed.toInstant();
    }
}
