package io.shortfall.loan.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** A loan locked for its sale refuses the borrower's changes; a PARTIAL sale unlocks it with what is left. */
@QuarkusTest
class LockedLoanTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    private final String gina = Tokens.borrower("gina");

    private void priceAt(String asset, String price, Instant at) {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick(asset, new BigDecimal(price), "test", at), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(gina).get("/api/assets").then()
                .body("find { it.asset == '" + asset + "' }.price",
                        equalTo(new BigDecimal(price).setScale(8).toPlainString())));
    }

    private UUID open(String asset, String collateral, String principal) {
        String id = given().auth().oauth2(gina).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"collateralAsset":"%s","collateralAmount":"%s","principal":"%s"}"""
                        .formatted(asset, collateral, principal))
                .post("/api/loans").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private ValidatableResponse change(UUID loan, String path, String amount) {
        return given().auth().oauth2(gina).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"amount\":\"" + amount + "\"}").post("/api/loans/" + loan + path).then();
    }

    private List<LoanEvents.LiquidationStarted> started(UUID loan) {
        return kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LiquidationStarted.class, e -> e.loanId().equals(loan));
    }

    private UUID lockedEthLoan() {
        priceAt("ETH", "3000", Instant.now());
        UUID loan = open("ETH", "2", "3900");                  // LTV 0.65
        Instant crash = Instant.now();
        priceAt("ETH", "2300", crash);                          // LTV 0.8478
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8478"),
                new BigDecimal("2300"), crash), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATING")));
        return loan;
    }

    @Test
    void whileLiquidatingTheBorrowersChangesAreRefusedWithTheReason() {
        UUID loan = lockedEthLoan();
        change(loan, "/repayments", "100.00").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:loan-locked"))
                .body("detail", containsString("being liquidated (LIQUIDATING)"))
                .body("detail", containsString("repayments are refused until the sale completes"));
        change(loan, "/collateral", "1").statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:loan-locked"))
                .body("detail", containsString("collateral changes"));
        given().auth().oauth2(gina).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put("/api/loans/" + loan + "/auto-increase").then().statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:loan-locked"));
        given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("principal", equalTo("3900.00")).body("collateralAmount", equalTo("2.00000000"));
        given().auth().oauth2(gina).get("/api/loans/" + loan + "/timeline").then()
                .body("type", hasItems("LoanOpened", "LiquidationTriggered", "LiquidationStarted"));
    }

    @Test
    void aRepaymentRacingTheLockNeverWinsAlongsideIt() {
        priceAt("ETH", "3000", Instant.now());
        UUID loan = open("ETH", "2", "3900");
        Instant crash = Instant.now();
        priceAt("ETH", "2300", crash);                          // LTV 0.8478; after repaying 100, 0.8261: recovered
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8478"),
                new BigDecimal("2300"), crash), "margin-service");
        int repayment = change(loan, "/repayments", "100.00").extract().statusCode();

        await().atMost(PATIENCE).until(() -> !started(loan).isEmpty() || !kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LiquidationDeclined.class, e -> e.loanId().equals(loan)).isEmpty());
        if (repayment == 200) {
            // The repayment won: the lock re-checked the repaid loan, which had recovered, and did not sell it.
            assertThat(started(loan)).isEmpty();
            given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                    .body("status", equalTo("ACTIVE")).body("principal", equalTo("3800.00"));
        } else {
            // The lock won: the repayment was refused whole, and the sale works from the unrepaid debt.
            assertThat(repayment).isEqualTo(409);
            assertThat(started(loan)).singleElement()
                    .satisfies(s -> assertThat(s.principal()).isEqualByComparingTo("3900"));
            given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                    .body("status", equalTo("LIQUIDATING")).body("principal", equalTo("3900.00"));
        }
    }

    @Test
    void aPartialSaleRepaysPartOfTheDebtAndUnlocksTheLoan() {
        priceAt("XRP", "1.00", Instant.now());
        UUID loan = open("XRP", "1000", "650");                // LTV 0.65
        Instant crash = Instant.now();
        priceAt("XRP", "0.75", crash);                          // LTV 0.8667
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8667"),
                new BigDecimal("0.75"), crash), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(started(loan)).singleElement()
                .satisfies(s -> assertThat(s.policy()).isEqualTo("PARTIAL")));

        UUID liquidationId = UUID.randomUUID();
        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(liquidationId, loan,
                "gina", "XRP", "PARTIAL", new BigDecimal("400.00000000"), new BigDecimal("0.75"),
                new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("300.00"), new BigDecimal("0.00"),
                new BigDecimal("650.00"), new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of()), "liquidation-service");

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("status", equalTo("ACTIVE"))
                .body("collateralAmount", equalTo("600.00000000"))
                .body("principal", equalTo("350.00"))
                .body("debt", equalTo("350.00")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.PartiallyLiquidated.class, e -> e.loanId().equals(loan))).singleElement().satisfies(p -> {
                    assertThat(p.liquidationId()).isEqualTo(liquidationId);
                    assertThat(p.collateralSold()).isEqualByComparingTo("400");
                    assertThat(p.debtRepaid()).isEqualByComparingTo("300");
                    assertThat(p.collateralAmount()).isEqualByComparingTo("600");
                    assertThat(p.principal()).isEqualByComparingTo("350");
                    assertThat(p.accruedInterest()).isEqualByComparingTo("0");
                }));
        assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanClosed.class, e -> e.loanId().equals(loan)))
                .isEmpty();
        // Unlocked: the borrower may repay again.
        change(loan, "/repayments", "50.00").statusCode(200).body("principal", equalTo("300.00"));
        given().auth().oauth2(gina).get("/api/loans/" + loan + "/timeline").then()
                .body("type", hasItems("LiquidationStarted", "LiquidationCompleted", "PartiallyLiquidated"));
    }

    @Test
    void aPartialSaleThatCoversTheWholeDebtClosesTheLoanAfterItsPartiallyLiquidated() {
        priceAt("XRP", "1.00", Instant.now());
        UUID loan = open("XRP", "1000", "650");                // LTV 0.65
        Instant crash = Instant.now();
        priceAt("XRP", "0.75", crash);                          // LTV 0.8667
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8667"),
                new BigDecimal("0.75"), crash), "margin-service");
        await().atMost(PATIENCE).until(() -> !started(loan).isEmpty());

        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(), loan,
                "gina", "XRP", "PARTIAL", new BigDecimal("900.00000000"), new BigDecimal("0.75"),
                new BigDecimal("675.00"), new BigDecimal("0.00"), new BigDecimal("675.00"), new BigDecimal("0.00"),
                new BigDecimal("650.00"), new BigDecimal("650.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of()), "liquidation-service");

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<LoanEvents.PartiallyLiquidated> partial = kafka.payloads(Topics.LOAN_EVENTS,
                    LoanEvents.PartiallyLiquidated.class, e -> e.loanId().equals(loan));
            assertThat(partial).singleElement().satisfies(p -> assertThat(p.principal()).isEqualByComparingTo("0"));
            // margin-service applies an event only when its loanVersion is newer than the last it applied:
            // the close comes after the sale, or the position stays ACTIVE for ever.
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanClosed.class, e -> e.loanId().equals(loan)))
                    .singleElement().satisfies(c -> {
                        assertThat(c.reason()).isEqualTo("LIQUIDATED");
                        assertThat(c.collateralReturned()).isEqualByComparingTo("100");
                        assertThat(c.loanVersion()).isEqualTo(partial.get(0).loanVersion() + 1);
                    });
        });
        given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATED")).body("debt", equalTo("0.00"));
    }

    @Test
    void aFullSaleOfMoreThanTheLoanHoldsGoesToTheDlq() {
        UUID loan = lockedEthLoan();                           // 2 ETH locked, policy FULL

        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(), loan,
                "gina", "ETH", "FULL", new BigDecimal("2.00000001"), new BigDecimal("2300"),
                new BigDecimal("4600.00"), new BigDecimal("0.00"), new BigDecimal("4600.00"), new BigDecimal("0.00"),
                new BigDecimal("3900.00"), new BigDecimal("3900.00"), new BigDecimal("700.00"), new BigDecimal("0.00"),
                List.of()), "liquidation-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.records(Topics.dlq(Topics.LIQUIDATION_EVENTS)))
                .anySatisfy(r -> assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains(loan.toString())));
        given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATING")).body("collateralAmount", equalTo("2.00000000"));
    }

    @Test
    void aPartialSaleOfMoreThanTheLoanHoldsGoesToTheDlq() {
        priceAt("XRP", "1.00", Instant.now());
        UUID loan = open("XRP", "1000", "650");
        Instant crash = Instant.now();
        priceAt("XRP", "0.75", crash);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8667"),
                new BigDecimal("0.75"), crash), "margin-service");
        await().atMost(PATIENCE).until(() -> !started(loan).isEmpty());

        kafka.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(), loan,
                "gina", "XRP", "PARTIAL", new BigDecimal("1000.00000001"), new BigDecimal("0.75"),
                new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("300.00"), new BigDecimal("0.00"),
                new BigDecimal("650.00"), new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of()), "liquidation-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.records(Topics.dlq(Topics.LIQUIDATION_EVENTS)))
                .anySatisfy(r -> assertThat(KafkaProbe.header(r, "dead-letter-reason")).contains(loan.toString())));
        given().auth().oauth2(gina).get("/api/loans/" + loan).then()
                .body("status", equalTo("LIQUIDATING")).body("collateralAmount", equalTo("1000.00000000"));
    }
}
