package io.shortfall.web.pages;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void moneyKeepsEveryDigitTheServiceHoldsAndGroupsThousands() {
        assertThat(Formats.plain(new BigDecimal("30000.00"), Locale.ENGLISH)).isEqualTo("30,000.00");
        assertThat(Formats.plain(new BigDecimal("1234567.891"), Locale.ENGLISH)).isEqualTo("1,234,567.891");
        assertThat(Formats.plain(new BigDecimal("-0.01"), Locale.ENGLISH)).isEqualTo("-0.01");
        assertThat(Formats.plain(new BigDecimal("1E+3"), Locale.ENGLISH)).isEqualTo("1,000");
        assertThat(Formats.plain(null, Locale.ENGLISH)).isEqualTo("–");
    }

    @Test
    void quantitiesDropTrailingZerosOnly() {
        assertThat(Formats.units(new BigDecimal("1.00000000"), Locale.ENGLISH)).isEqualTo("1");
        assertThat(Formats.units(new BigDecimal("0.12345678"), Locale.ENGLISH)).isEqualTo("0.12345678");
        assertThat(Formats.units(new BigDecimal("1500.50000000"), Locale.ENGLISH)).isEqualTo("1,500.5");
    }

    @Test
    void pricesShowCentsAndEveryDigitBeyond() {
        assertThat(Formats.price(new BigDecimal("60000.00000000"), Locale.ENGLISH)).isEqualTo("60,000.00");
        assertThat(Formats.price(new BigDecimal("36001.44005760"), Locale.ENGLISH)).isEqualTo("36,001.4400576");
        assertThat(Formats.price(new BigDecimal("0.5"), Locale.ENGLISH)).isEqualTo("0.50");
    }

    @Test
    void ratiosReadAsPercentagesAndTimesInUtc() {
        assertThat(Formats.percent(new BigDecimal("0.7234"), Locale.ENGLISH)).isEqualTo("72.34 %");
        assertThat(Formats.percent(new BigDecimal("0.7499"), Locale.ENGLISH)).isEqualTo("74.99 %");
        assertThat(Formats.percent(new BigDecimal("0.5"), Locale.ENGLISH)).isEqualTo("50.00 %");
        assertThat(Formats.when(OffsetDateTime.parse("2026-12-07T05:30:00+02:00"), Locale.ENGLISH)).isEqualTo("2026-12-07 03:30 UTC");
        assertThat(Formats.zoneClass("ORANGE")).isEqualTo("zone-orange");
        assertThat(Formats.zoneClass(null)).isEqualTo("zone-none");
    }

    @Test
    void germanPagesGroupWithDotsAndWriteDecimalCommas() {
        assertThat(Formats.plain(new BigDecimal("30000.00"), Locale.GERMAN)).isEqualTo("30.000,00");
        assertThat(Formats.plain(new BigDecimal("1234567.891"), Locale.GERMAN)).isEqualTo("1.234.567,891");
        assertThat(Formats.plain(new BigDecimal("-0.01"), Locale.GERMAN)).isEqualTo("-0,01");
        assertThat(Formats.plain(null, Locale.GERMAN)).isEqualTo("–");
        assertThat(Formats.units(new BigDecimal("1500.50000000"), Locale.GERMAN)).isEqualTo("1.500,5");
        assertThat(Formats.units(new BigDecimal("1.00000000"), Locale.GERMAN)).isEqualTo("1");
        assertThat(Formats.price(new BigDecimal("60000.00000000"), Locale.GERMAN)).isEqualTo("60.000,00");
        assertThat(Formats.price(new BigDecimal("36001.44005760"), Locale.GERMAN)).isEqualTo("36.001,4400576");
        assertThat(Formats.percent(new BigDecimal("0.7234"), Locale.GERMAN)).isEqualTo("72,34 %");
        assertThat(Formats.percent(new BigDecimal("0.5"), Locale.GERMAN)).isEqualTo("50,00 %");
        assertThat(Formats.when(OffsetDateTime.parse("2026-12-07T16:45:00+02:00"), Locale.GERMAN))
                .isEqualTo("07.12.2026 14:45 UTC");
        assertThat(Formats.date(LocalDate.parse("2027-01-31"), Locale.GERMAN)).isEqualTo("31.01.2027");
        assertThat(Formats.date(LocalDate.parse("2027-01-31"), Locale.ENGLISH)).isEqualTo("2027-01-31");
        assertThat(Formats.date(null, Locale.GERMAN)).isEqualTo("–");
    }

    @Test
    void withoutALocaleOrWithAnotherOnePagesReadAsInEnglish() {
        assertThat(Formats.plain(new BigDecimal("30000.00"), null)).isEqualTo("30,000.00");
        assertThat(Formats.plain(new BigDecimal("30000.00"), Locale.ENGLISH)).isEqualTo("30,000.00");
        assertThat(Formats.plain(new BigDecimal("30000.00"), Locale.FRENCH)).isEqualTo("30,000.00");
        assertThat(Formats.percent(new BigDecimal("0.7234"), null)).isEqualTo("72.34 %");
        assertThat(Formats.when(OffsetDateTime.parse("2026-12-07T05:30:00+02:00"), null))
                .isEqualTo("2026-12-07 03:30 UTC");
        assertThat(Formats.price(new BigDecimal("0.5"), "de")).isEqualTo("0,50");
    }
}
