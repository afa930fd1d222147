package io.shortfall.web.pages;

import io.quarkus.qute.TemplateExtension;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.web.live.LiveLoan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers and times, in the page's language: {@code {amount.plain}} in a template is written
 * the way the template's locale (its attribute {@code "locale"}, which {@link PageLanguage} sets) writes numbers,
 * 30000.00 reads 30,000.00 in English and 30.000,00 in German; no locale means English. Amounts are shown exactly as
 * the services hold them.
 *
 */
public final class Formats {

    private static final String TEMPLATE_LOCALE = "locale";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private static final DateTimeFormatter WHEN_DE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'");

    private static final DateTimeFormatter DATE_DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Formats() {
    }

    /**
     * An amount of money exactly as the service holds it, digits grouped, in {@code locale} (a {@link Locale}; anything
     * else, or none, is English): 30000.00 reads 30,000.00, and 30.000,00 in German.
     */
    @TemplateExtension
    public static String plain(BigDecimal amount, @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        return amount == null ? "–" : grouped(amount, Math.max(amount.scale(), 0), locale);
    }

    /** A quantity of an asset, exact, without trailing zeros: 1500.50000000 reads 1,500.5 (1.500,5 in German). */
    @TemplateExtension
    public static String units(BigDecimal quantity,
                               @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        if (quantity == null) {
            return "–";
        }
        BigDecimal exact = quantity.stripTrailingZeros();
        return grouped(exact, Math.max(exact.scale(), 0), locale);
    }

    /** A price, exact, with at least cents: 60000.00000000 reads 60,000.00 (60.000,00 in German). */
    @TemplateExtension
    public static String price(BigDecimal price, @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        if (price == null) {
            return "–";
        }
        BigDecimal exact = price.stripTrailingZeros();
        return grouped(exact, Math.max(exact.scale(), 2), locale);
    }

    private static String grouped(BigDecimal n, int decimals, Object locale) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(written(locale)));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(n);
    }

    /** A ratio as a percentage with two decimals: 0.7234 reads 72.34 % (72,34 % in German). */
    @TemplateExtension
    public static String percent(BigDecimal ratio,
                                 @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        if (ratio == null) {
            return "–";
        }
        String digits = ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return (german(locale) ? digits.replace('.', ',') : digits) + " %";
    }

    /** A time in UTC to the minute: 2026-12-07 03:30 UTC (07.12.2026 03:30 UTC in German). */
    @TemplateExtension
    public static String when(OffsetDateTime at, @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        return at == null ? "–"
                : (german(locale) ? WHEN_DE : WHEN).format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A day in {@code locale}: 2027-01-31 in English (as the services write it), 31.01.2027 in German. */
    @TemplateExtension
    public static String date(LocalDate day, @TemplateExtension.TemplateAttribute(TEMPLATE_LOCALE) Object locale) {
        return day == null ? "–" : german(locale) ? DATE_DE.format(day) : day.toString();
    }

    /** The language numbers are written in: German for a German locale, else English. */
    private static Locale written(Object locale) {
        return german(locale) ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static boolean german(Object locale) {
        if (locale instanceof Locale l) {
            return "de".equals(l.getLanguage());
        }
        return locale instanceof String tag && "de".equals(Locale.forLanguageTag(tag).getLanguage());
    }

    /** A ratio as a width in percent for a gauge, capped at 100. */
    @TemplateExtension
    static String gaugeWidth(BigDecimal ratio) {
        if (ratio == null) {
            return "0";
        }
        return ratio.min(BigDecimal.ONE).max(BigDecimal.ZERO).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A loan's live part as loan-service last knew it, for a page's first render. */
    @TemplateExtension
    static LiveLoan live(LoanView loan) {
        return LiveLoan.of(loan);
    }

    /** An id as people quote it: its first eight characters (the services know people by token subjects). */
    @TemplateExtension
    public static String shortId(Object id) {
        if (id == null) {
            return "–";
        }
        String text = id.toString();
        return text.length() <= 8 ? text : text.substring(0, 8);
    }

    /** The CSS class of a zone (green, orange, red), neutral for anything else. */
    @TemplateExtension
    static String zoneClass(String zone) {
        return zone == null ? "zone-none" : "zone-" + zone.toLowerCase(Locale.ROOT);
    }
}
