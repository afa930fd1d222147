package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
