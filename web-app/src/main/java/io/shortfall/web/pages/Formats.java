package io.shortfall.web.pages;

import io.quarkus.qute.TemplateExtension;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.web.live.LiveLoan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write numbers and times. Amounts are shown exactly as the services hold them. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Formats() {
    }

    /** An amount of money exactly as the service holds it, digits grouped: 30000.00 reads 30,000.00. */
    public static String plain(BigDecimal amount) {
        return amount == null ? "–" : grouped(amount, Math.max(amount.scale(), 0));
    }

    /** A quantity of an asset, exact, without trailing zeros: 1.50000000 BTC reads 1.5. */
    public static String units(BigDecimal quantity) {
        if (quantity == null) {
            return "–";
        }
        BigDecimal exact = quantity.stripTrailingZeros();
        return grouped(exact, Math.max(exact.scale(), 0));
    }

    /** A price, exact, with at least cents: 60000.00000000 reads 60,000.00, 36001.44005760 reads 36,001.4400576. */
    static String price(BigDecimal price) {
        if (price == null) {
            return "–";
        }
        BigDecimal exact = price.stripTrailingZeros();
        return grouped(exact, Math.max(exact.scale(), 2));
    }

    private static String grouped(BigDecimal n, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(n);
    }

    /**
     * A ratio as a percentage with two decimals: 0.7234 reads 72.34 % (exact for the services' LTVs of four
     * decimals, so that 0.7499 never reads as the 75 % it has not reached).
     */
    static String percent(BigDecimal ratio) {
        return ratio == null ? "–" : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String when(OffsetDateTime at) {
        return at == null ? "–" : WHEN.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A ratio as a width in percent for a gauge, capped at 100. */
    static String gaugeWidth(BigDecimal ratio) {
        if (ratio == null) {
            return "0";
        }
        return ratio.min(BigDecimal.ONE).max(BigDecimal.ZERO).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A loan's live part as loan-service last knew it, for a page's first render. */
    static LiveLoan live(LoanView loan) {
        return LiveLoan.of(loan);
    }

    /** An offer's kind as a person reads it: SETTLEMENT reads "Settle for less". */
    static String kindLabel(String kind) {
        return io.shortfall.web.debt.DebtView.kind(kind);
    }

    /** An id as people quote it: its first eight characters (the services know people by token subjects). */
    static String shortId(Object id) {
        if (id == null) {
            return "–";
        }
        String text = id.toString();
        return text.length() <= 8 ? text : text.substring(0, 8);
    }

    /** The CSS class of a zone (green, orange, red), neutral for anything else. */
    static String zoneClass(String zone) {
        return zone == null ? "zone-none" : "zone-" + zone.toLowerCase(Locale.ROOT);
    }
}
