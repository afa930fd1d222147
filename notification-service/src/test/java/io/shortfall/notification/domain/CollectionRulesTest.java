package io.shortfall.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CollectionRules at(String instant) {
        return new CollectionRules(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static CollectionRules.Decision reminder(String now, ZoneId zone, List<Instant> sent) {
        return at(now).decide(NotificationType.INSTALLMENT_DUE, zone, QuietHours.DEFAULT, false, sent);
    }

    @Test
    void aReminderInTheDaytimeOfTheDebtorsZoneIsSentNow() {
        // 10:00 UTC is 11:00 in Paris (winter).
        assertThat(reminder("2026-11-30T10:00:00Z", PARIS, List.of())).isEqualTo(new CollectionRules.Send());
    }

    @Test
    void aReminderInTheEveningIsDeferredToEightNextMorningInTheDebtorsZone() {
        // 20:30 UTC is 21:30 in Paris: held until 08:00 Paris next day = 07:00 UTC.
        assertThat(reminder("2026-11-30T20:30:00Z", PARIS, List.of()))
                .isInstanceOfSatisfying(CollectionRules.Defer.class, d -> {
                    assertThat(d.until()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
                    assertThat(d.reason()).contains("quiet hours");
                });
    }

    @Test
    void aReminderBeforeEightIsDeferredToEightTheSameMorning() {
        // 05:00 UTC is 00:00 in New York (EST): held until 08:00 New York = 13:00 UTC, same day.
        assertThat(reminder("2026-11-30T05:00:00Z", NEW_YORK, List.of()))
                .isEqualTo(new CollectionRules.Defer(Instant.parse("2026-11-30T13:00:00Z"),
                        "quiet hours 21:00–08:00 in America/New_York"));
    }

    @Test
    void theBoundariesOfQuietHours() {
        // Exactly 21:00 Paris (20:00 UTC) is quiet; 20:59:59 is not; 08:00 is allowed; 07:59:59 is not.
        assertThat(reminder("2026-11-30T20:00:00Z", PARIS, List.of())).isInstanceOf(CollectionRules.Defer.class);
        assertThat(reminder("2026-11-30T19:59:59Z", PARIS, List.of())).isEqualTo(new CollectionRules.Send());
        assertThat(reminder("2026-11-30T07:00:00Z", PARIS, List.of())).isEqualTo(new CollectionRules.Send());
        assertThat(reminder("2026-11-30T06:59:59Z", PARIS, List.of()))
                .isEqualTo(new CollectionRules.Defer(Instant.parse("2026-11-30T07:00:00Z"),
                        "quiet hours 21:00–08:00 in Europe/Paris"));
    }

    @Test
    void theDebtorsOwnQuietHoursApplyIncludingAWindowWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        var rules = at("2026-11-30T12:30:00Z");
        assertThat(rules.decide(NotificationType.INSTALLMENT_OVERDUE, ZoneOffset.UTC, lunch, false, List.of()))
                .isInstanceOfSatisfying(CollectionRules.Defer.class,
                        d -> assertThat(d.until()).isEqualTo(Instant.parse("2026-11-30T14:00:00Z")));
        assertThat(at("2026-11-30T22:00:00Z")
                .decide(NotificationType.INSTALLMENT_OVERDUE, ZoneOffset.UTC, lunch, false, List.of()))
                .isEqualTo(new CollectionRules.Send());
    }

    @Test
    void quietHoursAcrossADaylightSavingChangeEndAtEightLocalTime() {
        // Paris moves to summer time on 2027-03-28 at 02:00: 08:00 that morning is 06:00 UTC.
        assertThat(reminder("2027-03-27T22:00:00Z", PARIS, List.of()))
                .isInstanceOfSatisfying(CollectionRules.Defer.class,
                        d -> assertThat(d.until()).isEqualTo(Instant.parse("2027-03-28T06:00:00Z")));
    }

    @Test
    void sixCollectionEmailsInSevenDaysLeaveRoomForASeventh() {
        List<Instant> sent = daily("2026-11-24T10:00:00Z", 6);
        assertThat(reminder("2026-11-30T10:00:00Z", PARIS, sent)).isEqualTo(new CollectionRules.Send());
    }

    @Test
    void theEighthCollectionEmailWaitsUntilTheOldestLeavesTheSevenDayWindow() {
        List<Instant> sent = daily("2026-11-24T10:00:00Z", 7); // 24th .. 30th at 10:00 UTC
        assertThat(reminder("2026-11-30T12:00:00Z", PARIS, sent))
                .isInstanceOfSatisfying(CollectionRules.Defer.class, d -> {
                    assertThat(d.until()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
                    assertThat(d.reason()).startsWith("7 collection emails in 7 days");
                });
    }

    @Test
    void emailsOlderThanSevenDaysDoNotCount() {
        List<Instant> sent = daily("2026-11-23T09:00:00Z", 7); // 23rd .. 29th; the 23rd 09:00 left the window
        assertThat(reminder("2026-11-30T10:00:00Z", PARIS, sent)).isEqualTo(new CollectionRules.Send());
    }

    @Test
    void whenTheCapFreesUpInQuietHoursTheEmailWaitsForTheMorning() {
        // The oldest of 7 was sent at 22:30 Paris (21:30 UTC) on the 23rd: the cap frees up at 22:30 Paris on
        // the 30th, which is quiet: the email goes at 08:00 Paris on 1 December.
        List<Instant> sent = new ArrayList<>(daily("2026-11-24T10:00:00Z", 6));
        sent.add(Instant.parse("2026-11-23T21:30:00Z"));
        assertThat(reminder("2026-11-30T12:00:00Z", PARIS, sent))
                .isEqualTo(new CollectionRules.Defer(Instant.parse("2026-12-01T07:00:00Z"),
                        "7 collection emails in 7 days, then quiet hours"));
    }

    @Test
    void aCeaseRequestStopsCollectionEmails() {
        assertThat(at("2026-11-30T10:00:00Z").decide(NotificationType.INSTALLMENT_DUE_SOON, PARIS,
                QuietHours.DEFAULT, true, List.of())).isInstanceOf(CollectionRules.Suppress.class);
        assertThat(at("2026-11-30T10:00:00Z").decide(NotificationType.OFFER_RECEIVED, PARIS,
                QuietHours.DEFAULT, true, List.of())).isInstanceOf(CollectionRules.Suppress.class);
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, names = {"MARGIN_CALL", "ORANGE_WARNING", "LIQUIDATION_STARTED",
            "LIQUIDATION_RECEIPT", "NEGATIVE_BALANCE", "AUTO_TOP_UP_DONE", "AUTO_TOP_UP_SHORT", "PLAN_ACCEPTED",
            "PAYMENT_RECEIVED", "DEBT_SETTLED", "DEBT_WRITTEN_OFF"})
    void marginCallsLiquidationAndLegallyRequiredNoticesAreNeverHeldBack(NotificationType type) {
        // At 03:00 in Paris, over the cap, with a cease request: still sent now.
        var decision = at("2026-11-30T02:00:00Z").decide(type, PARIS, QuietHours.DEFAULT, true,
                daily("2026-11-24T01:00:00Z", 7));
        assertThat(decision).isEqualTo(new CollectionRules.Send());
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, names = {"INSTALLMENT_DUE_SOON", "INSTALLMENT_DUE",
            "INSTALLMENT_OVERDUE", "OFFER_RECEIVED", "PLAN_BROKEN"})
    void collectionNoticesAreHeldByQuietHours(NotificationType type) {
        assertThat(at("2026-11-30T02:00:00Z").decide(type, PARIS, QuietHours.DEFAULT, false, List.of()))
                .isInstanceOf(CollectionRules.Defer.class);
    }

    /** Whatever was sent and whenever asked, a deferred email is due outside quiet hours and within the cap. */
    @Property
    void aDeferredEmailIsDueAtAnAllowedTimeWithinTheCap(@ForAll @IntRange(min = 0, max = 20) int count,
                                                       @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int spreadMinutes,
                                                       @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int nowMinute,
                                                       @ForAll @IntRange(min = 0, max = 2) int zoneIndex) {
        ZoneId zone = List.of(PARIS, NEW_YORK, ZoneId.of("Asia/Kolkata")).get(zoneIndex);
        Instant now = Instant.parse("2026-11-30T00:00:00Z").plus(Duration.ofMinutes(nowMinute));
        List<Instant> sent = IntStream.range(0, count)
                .mapToObj(i -> now.minus(Duration.ofMinutes((long) spreadMinutes * i / Math.max(1, count))))
                .toList();
        var decision = new CollectionRules(Clock.fixed(now, ZoneOffset.UTC))
                .decide(NotificationType.INSTALLMENT_DUE, zone, QuietHours.DEFAULT, false, sent);
        Instant due = decision instanceof CollectionRules.Defer d ? d.until() : now;
        assertThat(decision).isNotInstanceOf(CollectionRules.Suppress.class);
        assertThat(due).isAfterOrEqualTo(now);
        assertThat(QuietHours.DEFAULT.contains(due.atZone(zone).toLocalTime())).isFalse();
        long inWindow = sent.stream().filter(s -> !s.isAfter(due) && s.isAfter(due.minus(CollectionRules.WINDOW)))
                .count();
        assertThat(inWindow).isLessThan(CollectionRules.CAP);
    }

    private static List<Instant> daily(String first, int days) {
        Instant start = Instant.parse(first);
        return IntStream.range(0, days).mapToObj(i -> start.plus(Duration.ofDays(i))).toList();
    }
}
