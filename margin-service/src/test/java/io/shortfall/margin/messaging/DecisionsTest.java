package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * OP is this class's alone. A loan is decided when it changes, at its asset's latest price: opened just after a
 * price move, or fixed by its borrower, it does not wait for the next tick.
 */
@QuarkusTest
class DecisionsTest {

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    private List<MarginEvents.ZoneChanged> zoneChanges(UUID loan) {
        return kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.ZoneChanged.class, z -> z.loanId().equals(loan));
    }

    @Test
    void aLoanOpenedAfterThePriceMovedIsDecidedAtThatPriceAndItsFixAtOnce() {
        loans.tickApplied("OP", "1", Instant.now());
        // 10 OP against 8.00: 0.80 at 1, RED as soon as it is opened (loan-service's own checks aside).
        UUID loan = loans.opens("olga", "OP", "10", "8.00", false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(zoneChanges(loan)).singleElement().satisfies(z -> {
            assertThat(z.from()).isEqualTo("GREEN");
            assertThat(z.to()).isEqualTo("RED");
            assertThat(z.ltv()).hasToString("0.8000");
        }));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARGIN_EVENTS,
                MarginEvents.MarginCall.class, c -> c.loanId().equals(loan))).singleElement()
                .satisfies(c -> assertThat(c.addCollateral()).hasToString("2.30769231")));

        // The borrower adds what the call asked for: back to GREEN (8 / 12.30769231 = 0.6500) with no tick.
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(loan, "olga", "OP",
                new BigDecimal("2.30769231"), "BORROWER", new BigDecimal("12.30769231"), 1), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(zoneChanges(loan)).last().satisfies(z -> {
            assertThat(z.from()).isEqualTo("RED");
            assertThat(z.to()).isEqualTo("GREEN");
            assertThat(z.ltv()).hasToString("0.6500");
        }));
        given().auth().oauth2(Tokens.borrower("olga")).get("/api/positions/" + loan).then()
                .body("zone", equalTo("GREEN")).body("ltv", equalTo("0.6500"));
    }
}
