package io.shortfall.web.live;

import io.shortfall.events.EventJson;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LiveLoanTest {

    private static final UUID LOAN = UUID.randomUUID();

    @Test
    void aZoneChangeShowsTheNewZoneAtItsLtvAndPriceWithNothingToFixYet() {
        var event = EventJson.envelope(new MarginEvents.ZoneChanged(LOAN, "alice", "BTC", "GREEN", "ORANGE",
                new BigDecimal("0.7693"), new BigDecimal("39000")), "margin-service", Instant.now());
        LiveLoan live = LiveLoan.of(EventJson.read(EventJson.write(event))).orElseThrow();
        assertThat(live).isEqualTo(new LiveLoan(LOAN, "alice", "BTC", "ORANGE", new BigDecimal("0.7693"),
                new BigDecimal("39000"), null, null));
        assertThat(live.hasFix()).isFalse();
        assertThat(live.eventName()).isEqualTo("loan-" + LOAN);
    }

    @Test
    void aMarginCallSaysWhatBringsTheLoanBack() {
        var event = EventJson.envelope(new MarginEvents.MarginCall(LOAN, "alice", "BTC", BigDecimal.ONE,
                new BigDecimal("30000"), new BigDecimal("0.8109"), new BigDecimal("37000"),
                new BigDecimal("36001.44"), new BigDecimal("0.24740125"), new BigDecimal("5950.00"), 0),
                "margin-service", Instant.now());
        LiveLoan live = LiveLoan.of(EventJson.read(EventJson.write(event))).orElseThrow();
        assertThat(live.zone()).isEqualTo("RED");
        assertThat(live.hasFix()).isTrue();
        assertThat(live.addCollateral()).isEqualByComparingTo("0.24740125");
        assertThat(live.orRepay()).isEqualByComparingTo("5950.00");
    }

    @Test
    void otherEventsChangeNothingOnThePage() {
        var breaker = EventJson.envelope(new MarginEvents.BreakerReset("BTC", "ops"), "margin-service", Instant.now());
        assertThat(LiveLoan.of(breaker)).isEmpty();
        var autoIncrease = EventJson.envelope(new LoanEvents.AutoIncreaseChanged(LOAN, true, 3), "loan-service",
                Instant.now());
        assertThat(LiveLoan.of(autoIncrease)).isEmpty();
    }
}
