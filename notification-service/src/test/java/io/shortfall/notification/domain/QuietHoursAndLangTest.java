package io.shortfall.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursAndLangTest {

    @Test
    void aWindowAcrossMidnightContainsTheEveningAndTheMorning() {
        QuietHours night = QuietHours.DEFAULT;
        assertThat(night.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(night.contains(LocalTime.of(7, 59, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(20, 59, 59))).isFalse();
        assertThat(night.contains(LocalTime.NOON)).isFalse();
    }

    @Test
    void aWindowWithinADayContainsOnlyItsHours() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.contains(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.contains(LocalTime.NOON)).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 59))).isTrue();
        assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(lunch.nextAllowed(Instant.parse("2026-11-30T13:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(lunch.nextAllowed(Instant.parse("2026-11-30T15:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @Test
    void theEndOfTheWindowIsInTheDebtorsZone() {
        // 23:30 UTC is 08:30 in Tokyo (allowed); 22:30 UTC is 07:30 in Tokyo: held until 08:00 Tokyo = 23:00 UTC.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(QuietHours.DEFAULT.nextAllowed(Instant.parse("2026-11-30T23:30:00Z"), tokyo))
                .isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
        assertThat(QuietHours.DEFAULT.nextAllowed(Instant.parse("2026-11-30T22:30:00Z"), tokyo))
                .isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void aWindowNeedsTwoDifferentEnds() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(null, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languagesAreReadFromLocaleTagsAndDefaultToEnglish() {
        assertThat(Lang.of("de")).isEqualTo(Lang.DE);
        assertThat(Lang.of("de-AT")).isEqualTo(Lang.DE);
        assertThat(Lang.of("de_DE")).isEqualTo(Lang.DE);
        assertThat(Lang.of("en-GB")).isEqualTo(Lang.EN);
        assertThat(Lang.of("fr")).isEqualTo(Lang.EN);
        assertThat(Lang.of(null)).isEqualTo(Lang.EN);
        assertThat(Lang.of(" ")).isEqualTo(Lang.EN);
        assertThat(Lang.supported("fr")).isEmpty();
        assertThat(Lang.supported("DE")).contains(Lang.DE);
    }
}
