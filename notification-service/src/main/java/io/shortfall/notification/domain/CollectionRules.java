package io.shortfall.notification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * When a debtor may be emailed (docs/DOMAIN.md "Notifications", Reg F): a collection email is held during the
 * debtor's quiet hours and deferred to the next allowed time, never dropped; at most {@link #CAP} collection
 * emails are sent in any {@link #WINDOW}, the next one waits until the oldest leaves the window; a cease request
 * stops collection emails altogether. Margin calls, liquidation notices and legally required notices
 * ({@link NotificationType#collection()} false) are never held back.
 */
public final class CollectionRules {

    public static final int CAP = 7;
    public static final Duration WINDOW = Duration.ofDays(7);

    /** What to do with an email now: send it, hold it until {@code until}, or not send it at all. */
    public sealed interface Decision {
    }

    public record Send() implements Decision {
    }

    public record Defer(Instant until, String reason) implements Decision {
    }

    public record Suppress(String reason) implements Decision {
    }

    private final Clock clock;

    public CollectionRules(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param type            what the email tells
     * @param zone            the debtor's time zone
     * @param quiet           the debtor's quiet hours
     * @param ceased          whether the debtor asked not to be contacted about the debt
     * @param collectionsSent when the debtor's collection emails were sent (any order; older ones are ignored)
     */
    public Decision decide(NotificationType type, ZoneId zone, QuietHours quiet, boolean ceased,
                           List<Instant> collectionsSent) {
        if (!type.collection()) {
            return new Send();
        }
        if (ceased) {
            return new Suppress("the debtor asked not to be contacted about the debt");
        }
        Instant now = clock.instant();
        Instant at = now;
        String reason = null;
        // Each step can only move the time later, and the cap's release times are finite: this settles.
        for (int round = 0; round < 4; round++) {
            Instant capFree = capFreeAt(at, collectionsSent);
            if (capFree.isAfter(at)) {
                at = capFree;
                reason = CAP + " collection emails in " + WINDOW.toDays() + " days";
            }
            Instant allowed = quiet.nextAllowed(at, zone);
            if (allowed.isAfter(at)) {
                at = allowed;
                reason = reason == null ? "quiet hours " + quiet.start() + "–" + quiet.end() + " in " + zone
                        : reason + ", then quiet hours";
            } else {
                break;
            }
        }
        return at.equals(now) ? new Send() : new Defer(at, reason);
    }

    /**
     * The first instant, not before {@code at}, at which fewer than {@link #CAP} of {@code sent} fall in the
     * window ending there. Sends in the future of {@code at} do not exist (they are ours to decide).
     */
    static Instant capFreeAt(Instant at, List<Instant> sent) {
        List<Instant> recent = sent.stream().filter(s -> !s.isAfter(at) && s.isAfter(at.minus(WINDOW)))
                .sorted(Comparator.reverseOrder()).toList();
        if (recent.size() < CAP) {
            return at;
        }
        // The CAP-th most recent must leave the window: then only CAP − 1 remain in it.
        return recent.get(CAP - 1).plus(WINDOW);
    }
}
