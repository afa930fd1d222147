package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class OfferPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    private static final OfferPolicy.Bounds BOUNDS = OfferPolicy.Bounds.DEFAULT;

    private static java.util.List<String> check(String amount, int n, String down, LocalDate first) {
        return OfferPolicy.outsideBounds(PlanSchedule.monthly(new BigDecimal(amount), n,
                down == null ? null : new BigDecimal(down), first), TODAY, BOUNDS);
    }

    @Test
    void insideTheBounds() {
        assertThat(check("1200.00", 12, null, TODAY.plusDays(30))).isEmpty();
        assertThat(check("600.00", 12, null, TODAY)).isEmpty(); // 50.00 each
        assertThat(check("10.00", 1, null, TODAY.plusDays(5))).isEmpty(); // one payment of everything
        assertThat(check("1000.00", 11, "100.00", TODAY.plusDays(1))).isEmpty();
    }

    @Test
    void outsideTheBounds() {
        assertThat(check("1300.00", 13, null, TODAY.plusDays(1))).containsExactly("more than 12 installments");
        assertThat(check("599.99", 12, null, TODAY.plusDays(1))).containsExactly("an installment under 50");
        assertThat(check("1000.00", 3, "49.99", TODAY.plusDays(1))).containsExactly("an installment under 50");
        assertThat(check("1000.00", 3, null, TODAY.plusDays(31)))
                .containsExactly("the first due date is more than 30 days away");
        assertThat(check("1000.00", 3, null, TODAY.minusDays(1))).containsExactly("the first due date is in the past");
        assertThat(check("100.00", 13, null, TODAY.plusDays(40))).hasSize(3);
    }

    @Test
    void aDiscountOverTenPercentNeedsASupervisor() {
        BigDecimal owed = new BigDecimal("1000.00");
        assertThat(OfferPolicy.needsSupervisor(owed, new BigDecimal("900.00"), BOUNDS)).isFalse();
        assertThat(OfferPolicy.needsSupervisor(owed, new BigDecimal("899.99"), BOUNDS)).isTrue();
        assertThat(OfferPolicy.needsSupervisor(owed, owed, BOUNDS)).isFalse();
        assertThat(OfferPolicy.discount(owed, new BigDecimal("899.99"))).isEqualByComparingTo("100.01");
        assertThat(OfferPolicy.discountRatio(owed, new BigDecimal("850.00"))).isEqualByComparingTo("0.15");
    }

    @Property
    void theLimitIsExact(@ForAll @LongRange(min = 1, max = 100_000_000) long owedCents,
                         @ForAll @LongRange(min = 1, max = 100_000_000) long settlementCents) {
        BigDecimal owed = BigDecimal.valueOf(owedCents, 2);
        BigDecimal settlement = BigDecimal.valueOf(Math.min(owedCents, settlementCents), 2);
        boolean overLimit = (owedCents - settlement.movePointRight(2).longValueExact()) * 10 > owedCents;
        assertThat(OfferPolicy.needsSupervisor(owed, settlement, BOUNDS)).isEqualTo(overLimit);
    }

    @Test
    void anOfferNeverExpiresBeforeTheEndOfTheFirstDueDateItCarries() {
        java.time.Instant made = java.time.Instant.parse("2027-01-10T12:00:00Z");
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        // the pay-in-full rung, due 14 days on: open through its due day, not until noon of it
        assertThat(OfferPolicy.expiresAt(made, 14, TODAY.plusDays(14), utc))
                .isEqualTo(java.time.Instant.parse("2027-01-25T00:00:00Z"));
        // an installment rung whose first payment is 30 days away stays open until then
        assertThat(OfferPolicy.expiresAt(made, 14, TODAY.plusDays(30), utc))
                .isEqualTo(java.time.Instant.parse("2027-02-10T00:00:00Z"));
        // a payment due soon leaves the offer open its 14 days; the day ends in the debtor's zone
        assertThat(OfferPolicy.expiresAt(made, 14, TODAY.plusDays(3), utc)).isEqualTo(made.plus(java.time.Duration.ofDays(14)));
        assertThat(OfferPolicy.expiresAt(made, 14, TODAY.plusDays(30), java.time.ZoneId.of("America/Chicago")))
                .isEqualTo(java.time.Instant.parse("2027-02-10T06:00:00Z"));
    }

    @Property
    void anOffersExpiryIsNeverBeforeItsFirstDueDateEndsNorBeforeItsOpenDays(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long madeSecond,
            @ForAll @LongRange(min = 0, max = 400) long dueInDays,
            @ForAll @IntRange(min = 0, max = 60) int openDays) {
        java.time.Instant made = java.time.Instant.ofEpochSecond(madeSecond);
        java.time.ZoneId zone = java.time.ZoneId.of("Pacific/Kiritimati");
        LocalDate due = LocalDate.ofInstant(made, zone).plusDays(dueInDays);
        java.time.Instant expiry = OfferPolicy.expiresAt(made, openDays, due, zone);
        assertThat(expiry).isAfterOrEqualTo(due.plusDays(1).atStartOfDay(zone).toInstant())
                .isAfterOrEqualTo(made.plus(java.time.Duration.ofDays(openDays)));
        // Still open on its due day, where the zone has that day (Kiritimati skipped 1994-12-31).
        boolean dayExists = due.atStartOfDay(zone).toLocalDate().equals(due);
        if (dayExists) {
            assertThat(LocalDate.ofInstant(expiry.minusNanos(1), zone)).isAfterOrEqualTo(due);
        }
    }

    @Test
    void anOfferDueOnADayItsZoneSkippedIsOpenUntilThatDayWouldHaveEnded() {
        java.time.ZoneId kiritimati = java.time.ZoneId.of("Pacific/Kiritimati");
        java.time.Instant made = java.time.Instant.parse("1994-12-01T00:00:00Z");
        java.time.Instant expiry = OfferPolicy.expiresAt(made, 0, LocalDate.of(1994, 12, 31), kiritimati);
        assertThat(expiry).isEqualTo(LocalDate.of(1995, 1, 1).atStartOfDay(kiritimati).toInstant());
    }

    /** One rule for every ratio shown (LTV, slippage, discount): half up at its scale. 1.00 / 800.00 = 0.00125. */
    @Test
    void theDiscountShownIsRoundedHalfUpLikeEveryDisplayedRatio() {
        assertThat(OfferPolicy.discountRatio(new BigDecimal("800.00"), new BigDecimal("799.00")))
                .isEqualByComparingTo("0.0013");
    }
}
