package io.shortfall.liquidation.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The crash path on the real broker and database: a locked loan is sold, its receipt and consequences are
 * published once, however often the lock is delivered. Order books of %test: ETH depth 100, impact 0.10;
 * SOL depth 100, impact 0.50; BTC depth 50, impact 0.10; 4 slices; fee 5%; tolerance 2%.
 */
@QuarkusTest
class LiquidationFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static LoanEvents.LiquidationStarted started(UUID loan, String borrower, String asset, String collateral,
                                                         String principal, String interest, String reference,
                                                         String recourse, long version) {
        return new LoanEvents.LiquidationStarted(loan, borrower, asset, new BigDecimal(collateral),
                new BigDecimal(principal), new BigDecimal(interest), new BigDecimal(reference), Instant.now(),
                new BigDecimal("0.85"), "FULL", recourse, Thresholds.DEFAULTS, version);
    }

    private List<LiquidationEvents.LiquidationCompleted> completed(UUID loan) {
        return kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.LiquidationCompleted.class,
                c -> c.loanId().equals(loan));
    }

    private List<LiquidationEvents.NegativeBalanceRecorded> negativeBalances(UUID loan) {
        return kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.NegativeBalanceRecorded.class,
                n -> n.loanId().equals(loan));
    }

    private List<LiquidationEvents.InsuranceFundDrawn> draws(UUID loan) {
        return kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.InsuranceFundDrawn.class,
                d -> d.loanId().equals(loan));
    }

    /** The receipt redone from the fills alone, with plain arithmetic: gross, fee, surplus, shortfall. */
    private static void assertReceiptAddsUp(LiquidationEvents.LiquidationCompleted c) {
        BigDecimal floor = c.referencePrice().multiply(new BigDecimal("0.98"));
        BigDecimal fetched = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;
        for (var fill : c.fills()) {
            sold = sold.add(fill.quantity());
            fetched = fetched.add(fill.quantity().multiply(fill.price()));
            credited = credited.add(fill.quantity().multiply(fill.price().max(floor)));
        }
        BigDecimal gross = credited.setScale(2, RoundingMode.DOWN);
        BigDecimal covered = gross.min(c.debt());
        BigDecimal surplus = gross.subtract(covered).subtract(gross.multiply(new BigDecimal("0.05")))
                .max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
        assertThat(sold).isEqualByComparingTo(c.collateralSold());
        assertThat(c.proceeds()).isEqualTo(fetched.setScale(2, RoundingMode.DOWN));
        assertThat(c.floorCredit()).isEqualTo(gross.subtract(c.proceeds()));
        assertThat(c.gross()).isEqualTo(gross);
        assertThat(c.debtCovered()).isEqualTo(covered);
        assertThat(c.surplus()).isEqualTo(surplus);
        assertThat(c.fee()).isEqualTo(gross.subtract(covered).subtract(surplus));
        assertThat(c.shortfall()).isEqualTo(c.debt().subtract(covered));
    }

    @Test
    void aCrashBelowTheDebtIsSoldOnceAndLeavesOneNegativeBalanceHoweverOftenItIsDelivered() {
        UUID loan = UUID.randomUUID();
        EventEnvelope lock = kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "alice", "ETH", "2", "4700.00", "12.34", "2300", "RECOURSE", 7), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(completed(loan)).hasSize(1);
            assertThat(negativeBalances(loan)).hasSize(1);
        });
        var receipt = completed(loan).get(0);
        // 4 slices of 0.5 ETH, each at 2300 x (1 - 0.10 x 0.5 / 100) = 2298.85: 4597.70 against a debt of 4712.34.
        assertThat(receipt.fills()).hasSize(4).allSatisfy(f -> {
            assertThat(f.quantity()).isEqualByComparingTo("0.5");
            assertThat(f.price()).isEqualByComparingTo("2298.85");
            assertThat(f.referencePrice()).isEqualByComparingTo("2300");
        });
        assertThat(receipt.fills()).extracting(LiquidationEvents.Fill::clientOrderId).containsExactly(
                receipt.liquidationId() + "-1", receipt.liquidationId() + "-2", receipt.liquidationId() + "-3",
                receipt.liquidationId() + "-4");
        assertThat(receipt.collateralSold()).isEqualByComparingTo("2");
        assertThat(receipt.gross()).hasToString("4597.70");
        assertThat(receipt.debt()).hasToString("4712.34");
        assertThat(receipt.fee()).hasToString("0.00");
        assertThat(receipt.surplus()).hasToString("0.00");
        assertThat(receipt.shortfall()).hasToString("114.64");
        assertThat(receipt.policy()).isEqualTo("FULL");
        assertThat(receipt.borrowerId()).isEqualTo("alice");
        assertReceiptAddsUp(receipt);
        assertThat(negativeBalances(loan)).singleElement().isEqualTo(new LiquidationEvents.NegativeBalanceRecorded(
                receipt.liquidationId(), loan, "alice", new BigDecimal("114.64"), "USDT", "RECOURSE"));
        assertThat(draws(loan)).isEmpty();

        // The same event delivered again; the same snapshot in another event; then a later lock of the same loan
        // (same key, same partition), so once it is sold everything before it has been consumed.
        kafka.republish(Topics.LOAN_EVENTS, lock);
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "alice", "ETH", "2", "4700.00", "12.34", "2300", "RECOURSE", 7), "loan-service");
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "alice", "ETH", "1", "100.00", "0.00", "2300", "RECOURSE", 8), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(2));

        assertThat(completed(loan)).filteredOn(c -> c.liquidationId().equals(receipt.liquidationId()))
                .singleElement().isEqualTo(receipt);
        assertThat(negativeBalances(loan)).hasSize(1);
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?loanId=" + loan).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("findAll { it.loanVersion == 7 }.size()", equalTo(1))
                .body("find { it.loanVersion == 7 }.shortfall", equalTo("114.64"));
    }

    @Test
    void aNonRecourseShortfallIsDrawnFromTheInsuranceFundAndASlippedFillIsCreditedAtTheFloor() {
        String before = given().auth().oauth2(Tokens.operator()).get("/api/insurance-fund").then().statusCode(200)
                .extract().path("balance");
        UUID loan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "carol", "SOL", "40", "6000.00", "0.00", "150", "NON_RECOURSE", 3), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(completed(loan)).hasSize(1);
            assertThat(draws(loan)).hasSize(1);
        });
        var receipt = completed(loan).get(0);
        // 4 slices of 10 SOL at 150 x (1 - 0.50 x 10 / 100) = 142.50, 5% below: credited at 0.98 x 150 = 147.
        assertThat(receipt.fills()).allSatisfy(f -> assertThat(f.price()).isEqualByComparingTo("142.5"));
        assertThat(receipt.proceeds()).hasToString("5700.00");
        assertThat(receipt.floorCredit()).hasToString("180.00");
        assertThat(receipt.gross()).hasToString("5880.00");
        assertThat(receipt.shortfall()).hasToString("120.00");
        assertReceiptAddsUp(receipt);
        BigDecimal balanceAfter = new BigDecimal(before).subtract(new BigDecimal("120.00"));
        assertThat(draws(loan)).singleElement().isEqualTo(new LiquidationEvents.InsuranceFundDrawn(
                receipt.liquidationId(), loan, new BigDecimal("120.00"), balanceAfter));
        assertThat(negativeBalances(loan)).isEmpty();

        given().auth().oauth2(Tokens.operator()).get("/api/insurance-fund").then().statusCode(200)
                .body("balance", equalTo(balanceAfter.toPlainString()))
                .body("currency", equalTo("USDT"))
                .body("draws.find { it.liquidationId == '" + receipt.liquidationId() + "' }.amount",
                        equalTo("120.00"));
    }

    @Test
    void aSaleAboveTheDebtPaysTheFeeAndCreditsTheSurplusWithNoNegativeBalance() {
        UUID loan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "dave", "BTC", "1", "30000.00", "0.00", "60000", "RECOURSE", 2), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        var receipt = completed(loan).get(0);
        // 4 x 0.25 BTC at 60000 x (1 - 0.10 x 0.25 / 50) = 59970; fee 5% of 59970 = 2998.50.
        assertThat(receipt.gross()).hasToString("59970.00");
        assertThat(receipt.debtCovered()).hasToString("30000.00");
        assertThat(receipt.fee()).hasToString("2998.50");
        assertThat(receipt.surplus()).hasToString("26971.50");
        assertThat(receipt.shortfall()).hasToString("0.00");
        assertReceiptAddsUp(receipt);
        assertThat(negativeBalances(loan)).isEmpty();
        assertThat(draws(loan)).isEmpty();
    }

    @Test
    void poisonRecordsGoToTheDlqAndTheNextRecordIsStillSold() {
        UUID loan = UUID.randomUUID();
        String garbage = "{\"this is\": \"not an envelope\"";
        kafka.sendRaw(Topics.LOAN_EVENTS, loan.toString(), garbage);
        EventEnvelope nothingToSell = kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "erin", "ETH", "0", "100.00", "0.00", "2300", "RECOURSE", 1), "loan-service");
        // AVAX has no book of its own: the default one (depth 100, impact 0.10): 4 x 0.25 at 20 x 0.99975 = 19.995.
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "erin", "AVAX", "1", "10.00", "0.00", "20", "RECOURSE", 2), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).singleElement()
                .satisfies(c -> {
                    assertThat(c.collateralSold()).isEqualByComparingTo("1");
                    assertThat(c.fills()).allSatisfy(f -> assertThat(f.price()).isEqualByComparingTo("19.995"));
                    assertThat(c.gross()).hasToString("19.99");
                }));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var dlq = kafka.records(Topics.dlq(Topics.LOAN_EVENTS));
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).isEqualTo(garbage);
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("not an event envelope");
            });
            assertThat(dlq).anySatisfy(r -> {
                assertThat(r.value()).contains(nothingToSell.eventId().toString());
                assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains("collateralAmount");
            });
        });
    }
}
