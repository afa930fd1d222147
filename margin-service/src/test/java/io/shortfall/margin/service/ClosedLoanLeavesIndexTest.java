package io.shortfall.margin.service;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.margin.Position;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import io.shortfall.margin.risk.RiskBook;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * HBAR is this class's alone. Commits may be reported to the risk index out of order: a refresh of a position
 * older than its closing, arriving after the closing removed it, puts the closed loan back in the index. The
 * next tick that names it loads the position, finds it CLOSED and refreshes it, so it leaves again (before, it
 * stayed for good, loaded by every tick that reached it).
 */
@QuarkusTest
class ClosedLoanLeavesIndexTest {

    @Inject
    RiskIndex index;

    private final LoanService loans = new LoanService();

    private boolean indexed(UUID loan) {
        return index.read("HBAR", (RiskBook book) -> book.contains(loan));
    }

    @Test
    void aClosedLoanPutBackByALateRefreshLeavesOnTheNextTick() {
        UUID loan = loans.opens("olga", "HBAR", "10", "650.00", false);        // 0.65 at 100
        await().atMost(PATIENCE).until(() -> indexed(loan));
        loans.kafka().publish(Topics.LOAN_EVENTS, new LoanEvents.LoanClosed(loan, "olga", LoanEvents.LoanClosed.REPAID,
                BigDecimal.TEN, 1), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .get("/api/positions/" + loan).then().statusCode(200).body("status", equalTo("CLOSED")));
        await().atMost(PATIENCE).until(() -> !indexed(loan));

        // the late refresh of the position as it stood before the closing (version 0)
        Position before = new Position();
        before.loanId = loan;
        before.borrowerId = "olga";
        before.collateralAsset = "HBAR";
        before.collateralAmount = new BigDecimal("10");
        before.principal = new BigDecimal("650.00");
        before.accruedInterest = new BigDecimal("0.00");
        before.initialLtv = LoanService.DEFAULTS.initial();
        before.warningLtv = LoanService.DEFAULTS.warning();
        before.marginCallLtv = LoanService.DEFAULTS.marginCall();
        before.liquidationLtv = LoanService.DEFAULTS.liquidation();
        before.status = PositionStatus.ACTIVE;
        before.zone = Zone.GREEN;
        before.version = 0;
        index.refresh(before);
        assertThat(indexed(loan)).isTrue();

        loans.tickApplied("HBAR", "50", Instant.now());                        // 1.3 for the stale entry: named
        await().atMost(PATIENCE).until(() -> !indexed(loan));
        loans.awaitMarginEventsRelayed();
        assertThat(loans.kafka().payloads(Topics.MARGIN_EVENTS, MarginEvents.ZoneChanged.class,
                z -> z.loanId().equals(loan))).isEmpty();
    }
}
