package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * FIL is this class's alone. A tick that reaches every loan at once is decided in batches (100 in tests), each its
 * own transaction; loans another transaction holds (another replica deciding them, a loan event changing them) are
 * skipped and decided by the next sweep; every loan is decided once.
 */
@QuarkusTest
class ScaleTest {

    private static final int LOANS = 2_000;
    private static final int HELD = 150;

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    @Inject
    DataSource database;

    @Test
    void aCrashReachingTwoThousandLoansDecidesEachOnceInBatchesEvenWithSomeHeldElsewhere() throws Exception {
        loans.tickApplied("FIL", "10", Instant.now());
        List<LoanEvents.LoanOpened> opened = new ArrayList<>();
        for (int i = 0; i < LOANS; i++) {                                      // 0.65 at 10
            opened.add(new LoanEvents.LoanOpened(UUID.randomUUID(), "fil-" + (i % 50), "FIL", new BigDecimal("100"),
                    new BigDecimal("650.00"), "USDT", new BigDecimal("0.12"), LoanService.DEFAULTS, false,
                    Instant.now(), 0));
        }
        kafka.publishAll(Topics.LOAN_EVENTS, opened, "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .get("/api/risk/summary").then().statusCode(200)
                .body("find { it.asset == 'FIL' }.loans", equalTo(LOANS)));

        Set<UUID> ours = opened.stream().map(LoanEvents.LoanOpened::loanId).collect(Collectors.toSet());
        List<UUID> held = opened.subList(0, HELD).stream().map(LoanEvents.LoanOpened::loanId).toList();
        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select loan_id from position where loan_id = any(?) for update")) {
                lock.setArray(1, other.createArrayOf("uuid", held.toArray()));
                lock.executeQuery().close();
            }
            loans.tick("FIL", "7", Instant.now());                              // 0.9286: RED and liquidated
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(triggered(ours))
                    .hasSize(LOANS - HELD).doesNotContainAnyElementsOf(held));
            other.rollback();
        }
        // The next sweep decides what was held, at the same price.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(triggered(ours)).hasSize(LOANS));
        loans.awaitMarginEventsRelayed();

        Map<UUID, Long> triggers = countBy(MarginEvents.LiquidationTriggered.class, MarginEvents.LiquidationTriggered::loanId);
        Map<UUID, Long> calls = countBy(MarginEvents.MarginCall.class, MarginEvents.MarginCall::loanId);
        Map<UUID, Long> zones = countBy(MarginEvents.ZoneChanged.class, MarginEvents.ZoneChanged::loanId);
        for (LoanEvents.LoanOpened loan : opened) {
            assertThat(triggers.get(loan.loanId())).as("triggers of %s", loan.loanId()).isEqualTo(1L);
            assertThat(calls.get(loan.loanId())).as("calls of %s", loan.loanId()).isEqualTo(1L);
            assertThat(zones.get(loan.loanId())).as("zone changes of %s", loan.loanId()).isEqualTo(1L);
        }
        given().auth().oauth2(Tokens.operator()).get("/api/risk/summary").then()
                .body("find { it.asset == 'FIL' }.zones.RED.loans", equalTo(LOANS));
    }

    private Set<UUID> triggered(Set<UUID> ours) {
        return kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.LiquidationTriggered.class,
                t -> ours.contains(t.loanId())).stream().map(MarginEvents.LiquidationTriggered::loanId).collect(Collectors.toSet());
    }

    private <T extends io.shortfall.events.EventPayload> Map<UUID, Long> countBy(Class<T> type, Function<T, UUID> id) {
        return kafka.payloads(Topics.MARGIN_EVENTS, type, e -> true).stream()
                .collect(Collectors.groupingBy(id, Collectors.counting()));
    }
}
