package io.shortfall.margin.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** DOT is this test's alone. */
@QuarkusTest
class PoisonRecordTest {

    private final LoanService loans = new LoanService();
    private final KafkaProbe kafka = loans.kafka();

    @Test
    void aPoisonPriceRecordGoesToTheDlqAndTheNextTickIsStillApplied() {
        String garbage = "{\"this is\": \"not an envelope\"";
        kafka.sendRaw(Topics.MARKET_PRICES, "DOT", garbage);
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("DOT", new BigDecimal("-1"), "feed", Instant.now()), "feed");
        loans.tickApplied("DOT", "7.5", Instant.now());

        await().atMost(PATIENCE).untilAsserted(() -> {
            var dlq = kafka.records(Topics.dlq(Topics.MARKET_PRICES));
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).isEqualTo(garbage);
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("not an event envelope");
            });
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).contains("\"price\":\"-1\"");
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("unusable price tick");
            });
        });
        given().auth().oauth2(Tokens.operator()).get("/api/prices").then()
                .body("find { it.asset == 'DOT' }.price", equalTo("7.50000000"));
    }

    @Test
    void anEventForALoanNeverOpenedGoesToTheDlqAndTheNextIsStillApplied() {
        UUID unknown = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.CollateralAdded(unknown, "zed", "DOT", BigDecimal.ONE, "BORROWER",
                BigDecimal.TEN, 1), "loan-service");
        UUID loan = loans.opens("zed", "DOT", "100", "400.00", false);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.records(Topics.dlq(Topics.LOAN_EVENTS)))
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(unknown.toString());
                    assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("never opened");
                }));
        given().auth().oauth2(Tokens.borrower("zed")).get("/api/positions/" + loan).then().statusCode(200);
    }
}
