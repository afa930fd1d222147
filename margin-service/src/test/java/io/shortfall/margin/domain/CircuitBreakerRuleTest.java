package io.shortfall.margin.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerRuleTest {

    private final CircuitBreakerRule rule = new CircuitBreakerRule(new BigDecimal("0.5"), Duration.ofHours(1));
    private final Instant before = Instant.parse("2026-11-22T10:00:00Z");
    private final BigDecimal previous = new BigDecimal("60000");

    @Test
    void aTickBelowHalfThePreviousWithinAnHourTrips() {
        assertThat(rule.trips(previous, before, new BigDecimal("29999.99999999"), before.plusSeconds(10))).isTrue();
        assertThat(rule.trips(previous, before, new BigDecimal("29999.99999999"), before.plus(Duration.ofHours(1))))
                .isTrue();
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
        assertThat(rule.trips(previous, before, new BigDecimal("30000"), before.plusSeconds(10))).isFalse();
    }

    @Test
    void aDropAfterMoreThanAnHourDoesNotTrip() {
        assertThat(rule.trips(previous, before, new BigDecimal("1000"), before.plus(Duration.ofHours(1)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void theFirstTickOfAnAssetCannotTrip() {
        assertThat(rule.trips(null, null, new BigDecimal("1"), before)).isFalse();
    }

    @Test
    void theRatioIsAFraction() {
        assertThatThrownBy(() -> new CircuitBreakerRule(BigDecimal.ONE, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void itTripsExactlyWhenThePriceFallsBelowHalfWithinTheWindow(
            @ForAll @BigRange(min = "0.00000001", max = "200000") @Scale(8) BigDecimal last,
            @ForAll @BigRange(min = "0.00000001", max = "200000") @Scale(8) BigDecimal price,
            @ForAll @IntRange(min = 0, max = 7200) int secondsLater) {
        boolean trips = rule.trips(last, before, price, before.plusSeconds(secondsLater));
        boolean expected = price.add(price).compareTo(last) < 0 && secondsLater <= 3600;
        assertThat(trips).isEqualTo(expected);
    }
}
