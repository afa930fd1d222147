package io.shortfall.liquidation.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.liquidation.venue.SimulatedOrderBook;
import io.shortfall.liquidation.venue.SimulatedOrderBook.Fault;
import io.shortfall.testing.KafkaProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A forfeited pledge handed over by loan-service is sold at the venue as one order under {@code pledge-<id>}:
 * retried through a rejection and a lost answer without selling twice, reported once with what it raised (quantity
 * × price, down to the cent, no fee). UNI's book is not configured: depth 100, impact 0.10.
 */
@QuarkusTest
class PledgeSaleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    SimulatedOrderBook venue;

    private List<LiquidationEvents.PledgeSold> sold(UUID pledge) {
        return kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.PledgeSold.class,
                e -> e.pledgeId().equals(pledge));
    }

    @Test
    void aForfeitedPledgeIsSoldOnceThroughARejectionAndALostAnswerAndReportedWithWhatItRaised() {
        UUID pledge = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        venue.script("UNI", Fault.REJECT, Fault.TIMEOUT);
        var requested = kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.PledgeSaleRequested(pledge, "pia", caseId,
                "UNI", new BigDecimal("2.00000000"), new BigDecimal("10.00000000")), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sold(pledge)).hasSize(1));
        LiquidationEvents.PledgeSold report = sold(pledge).get(0);
        // 10 × (1 − 0.10 × 2 / 100) = 9.98; 2 × 9.98 = 19.96
        assertThat(report.price()).isEqualByComparingTo("9.98");
        assertThat(report.proceeds()).hasToString("19.96");
        assertThat(report.caseId()).isEqualTo(caseId);
        assertThat(report.borrowerId()).isEqualTo("pia");
        assertThat(report.clientOrderId()).isEqualTo("pledge-" + pledge);
        assertThat(venue.executions("pledge-" + pledge)).isOne();

        // Delivered again: nothing more is sold, nothing reported twice (a later request, consumed after it, is).
        kafka.republish(Topics.LOAN_EVENTS, requested);
        UUID later = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.PledgeSaleRequested(later, "pia", caseId, "UNI",
                new BigDecimal("1.00000000"), new BigDecimal("10.00000000")), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sold(later)).hasSize(1));
        assertThat(sold(pledge)).hasSize(1);
        assertThat(venue.executions("pledge-" + pledge)).isOne();
    }

    @Test
    void aRequestWithoutAPriceIsParkedNotSold() {
        UUID pledge = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.PledgeSaleRequested(pledge, "pia", UUID.randomUUID(),
                "UNI", new BigDecimal("1.00000000"), null), "loan-service");
        UUID after = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.PledgeSaleRequested(after, "pia", UUID.randomUUID(),
                "UNI", new BigDecimal("1.00000000"), new BigDecimal("10.00000000")), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sold(after)).hasSize(1));
        assertThat(sold(pledge)).isEmpty();
        assertThat(venue.executions("pledge-" + pledge)).isZero();
    }
}
