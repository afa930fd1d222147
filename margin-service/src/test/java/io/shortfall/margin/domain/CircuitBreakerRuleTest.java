package io.shortfall.margin.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerRuleTest {

    private final CircuitBreakerRule rule = new CircuitBreakerRule(new BigDecimal("0.5"), Duration.ofHours(1));
    private final Instant before = Instant.parse("2026-11-22T10:00:00Z");
    private final BigDecimal previous = new BigDecimal("60000");

    @Test
    void aTickBelowHalfThePreviousWithinAnHourTrips() {
        assertThat(rule.trips(List.of(new CircuitBreakerRule.Observed(previous, before)), new BigDecimal("29999.99999999"), before.plusSeconds(10))).isTrue();
        assertThat(rule.trips(List.of(new CircuitBreakerRule.Observed(previous, before)), new BigDecimal("29999.99999999"), before.plus(Duration.ofHours(1))))
                .isTrue();
    }

    @Test
    void aFallBeyondHalfOfTheHoursHighTripsThoughNoTickFellHalfFromTheOneBefore() {
        // 1200 -> 700 -> 590 within seconds: -42%, then -16%, but 590 is below half of 1200, the hour's high.
        var ticks = List.of(new CircuitBreakerRule.Observed(new BigDecimal("1200"), before),
                new CircuitBreakerRule.Observed(new BigDecimal("700"), before.plusSeconds(5)));
        assertThat(rule.trips(ticks, new BigDecimal("590"), before.plusSeconds(10))).isTrue();
        // Against the high only while it is within the hour.
        assertThat(rule.trips(ticks, new BigDecimal("590"), before.plus(Duration.ofHours(1)))).isTrue();
        assertThat(rule.trips(ticks, new BigDecimal("590"), before.plus(Duration.ofHours(1)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void aTickFromAnotherSourceThatSeesTheCrashTooConfirmsIt() {
        assertThat(rule.confirms("feed-a", previous, "feed-b", new BigDecimal("29000"))).isTrue();
        assertThat(rule.confirms("feed-a", previous, "feed-b", new BigDecimal("29999.99999999"))).isTrue();
    }

    @Test
    void theSameSourceANormalPriceOrNoSourceDoNotConfirm() {
        assertThat(rule.confirms("feed-a", previous, "feed-a", new BigDecimal("29000"))).isFalse();
        assertThat(rule.confirms("feed-a", previous, "feed-b", new BigDecimal("30000"))).isFalse();
        assertThat(rule.confirms("feed-a", previous, "feed-b", new BigDecimal("59000"))).isFalse();
        assertThat(rule.confirms("feed-a", previous, null, new BigDecimal("29000"))).isFalse();
        assertThat(rule.confirms("feed-a", previous, " ", new BigDecimal("29000"))).isFalse();
        assertThat(rule.confirms("feed-a", null, "feed-b", new BigDecimal("29000"))).isFalse();
    }

    @Test
    void exactlyHalfDoesNotTrip() {
        assertThat(rule.trips(List.of(new CircuitBreakerRule.Observed(previous, before)), new BigDecimal("30000"), before.plusSeconds(10))).isFalse();
    }

    @Test
    void aDropAfterMoreThanAnHourDoesNotTrip() {
        assertThat(rule.trips(List.of(new CircuitBreakerRule.Observed(previous, before)), new BigDecimal("1000"), before.plus(Duration.ofHours(1)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void theFirstTickOfAnAssetCannotTrip() {
        assertThat(rule.trips(List.of(), new BigDecimal("1"), before)).isFalse();
    }

    @Test
    void theRatioIsAFraction() {
        assertThatThrownBy(() -> new CircuitBreakerRule(BigDecimal.ONE, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTickAtLeastAsHighAndNoOlderOutlastsAnEarlierOne() {
        var earlier = new CircuitBreakerRule.Observed(new BigDecimal("1200"), before);
        assertThat(rule.outlasts(new CircuitBreakerRule.Observed(new BigDecimal("1200"), before.plusSeconds(1)), earlier))
                .isTrue();
        assertThat(rule.outlasts(new CircuitBreakerRule.Observed(new BigDecimal("1199"), before.plusSeconds(1)), earlier))
                .isFalse();
    }

    @Property
    void itTripsExactlyWhenThePriceFallsBelowHalfOfTheHighestTickWithinTheWindow(
            @ForAll @Size(max = 6) List<@BigRange(min = "0.00000001", max = "200000") @Scale(8) BigDecimal> prices,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 7200) Integer> secondsAgo,
            @ForAll @BigRange(min = "0.00000001", max = "200000") @Scale(8) BigDecimal price) {
        Instant at = before.plus(Duration.ofHours(2));
        List<CircuitBreakerRule.Observed> ticks = new java.util.ArrayList<>();
        BigDecimal high = null;
        for (int i = 0; i < Math.min(prices.size(), secondsAgo.size()); i++) {
            ticks.add(new CircuitBreakerRule.Observed(prices.get(i), at.minusSeconds(secondsAgo.get(i))));
            if (secondsAgo.get(i) <= 3600 && (high == null || prices.get(i).compareTo(high) > 0)) {
                high = prices.get(i);
            }
        }
        boolean expected = high != null && price.add(price).compareTo(high) < 0;
        assertThat(rule.trips(ticks, price, at)).isEqualTo(expected);
        // Dropping the ticks a later one outlasts changes nothing: the store may keep only the others.
        List<CircuitBreakerRule.Observed> kept = ticks.stream().filter(t -> ticks.stream()
                .noneMatch(o -> o != t && o.at().isAfter(t.at()) && rule.outlasts(o, t))).toList();
        assertThat(rule.trips(kept, price, at)).isEqualTo(expected);
    }
}
