package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Collateral reserves and auto increase from them, against the real stack. */
@QuarkusTest
class ReserveApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @BeforeEach
    void btcTradesAt60000() {
        btcAt("60000");
    }

    private void btcAt(String price) {
        priced("BTC", price);
    }

    private void priced(String asset, String price) {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick(asset, new BigDecimal(price), "test", Instant.now()), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.borrower("x")).get("/api/assets")
                .then().body("find { it.asset == '" + asset + "' }.price",
                        equalTo(new BigDecimal(price).setScale(8).toPlainString())));
    }

    private static ValidatableResponse deposit(String token, String asset, String key, String amount) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"amount\":\"" + amount + "\"}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/reserves/" + asset + "/deposits").then();
    }

    private static String openBtcLoan(String token, String collateral, String principal, boolean autoIncrease) {
        return openLoan(token, "BTC", collateral, principal, autoIncrease);
    }

    private static String openLoan(String token, String asset, String collateral, String principal,
                                   boolean autoIncrease) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"collateralAsset":"%s","collateralAmount":"%s","principal":"%s","autoIncrease":%s}"""
                        .formatted(asset, collateral, principal, autoIncrease))
                .post("/api/loans").then().statusCode(201).extract().path("id");
    }

    private static void reserveHolds(String token, String asset, String balance) {
        given().auth().oauth2(token).get("/api/reserves").then()
                .body("find { it.asset == '" + asset + "' }.balance", equalTo(balance));
    }

    @Test
    void aReserveFundedOnceTheLoanIsPastItsMarginCallTopsItUpAtOnceButNotBefore() {
        String grace = Tokens.borrower("grace-" + UUID.randomUUID());
        priced("SOL", "150");
        String loan = openLoan(grace, "SOL", "10", "900", true);       // LTV 0.60
        priced("SOL", "115");                                          // LTV 0.7826: ORANGE, short of the call
        deposit(grace, "SOL", UUID.randomUUID().toString(), "1").statusCode(200).body("balance", equalTo("1.00000000"));
        given().auth().oauth2(grace).get("/api/loans/" + loan).then().body("collateralAmount", equalTo("10.00000000"));

        priced("SOL", "110");                                          // LTV 0.8182: past the margin call (0.80)
        // 900 / (0.65 × 110) − 10 = 2.58741258…, rounded up: of the 5 now held, 2.41258741 are left.
        deposit(grace, "SOL", UUID.randomUUID().toString(), "4").statusCode(200)
                .body("balance", equalTo("2.41258741"));
        given().auth().oauth2(grace).get("/api/loans/" + loan).then()
                .body("collateralAmount", equalTo("12.58741259")).body("ltv", equalTo("0.6500"));
        reserveHolds(grace, "SOL", "2.41258741");
        UUID loanId = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.CollateralAdded.class, e -> e.loanId().equals(loanId))).singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo("AUTO_INCREASE");
                    assertThat(e.amount()).isEqualByComparingTo("2.58741259");
                }));
    }

    @Test
    void autoIncreaseSwitchedOnPastTheMarginCallTopsUpFromTheReserveAtOnce() {
        String hana = Tokens.borrower("hana-" + UUID.randomUUID());
        priced("SOL", "150");
        String loan = openLoan(hana, "SOL", "10", "900", false);
        deposit(hana, "SOL", UUID.randomUUID().toString(), "5").statusCode(200);
        priced("SOL", "110");                                          // LTV 0.8182, auto increase off: nothing
        given().auth().oauth2(hana).get("/api/loans/" + loan).then().body("collateralAmount", equalTo("10.00000000"));

        given().auth().oauth2(hana).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"enabled\":true}").put("/api/loans/" + loan + "/auto-increase").then().statusCode(200);
        given().auth().oauth2(hana).get("/api/loans/" + loan).then()
                .body("autoIncrease", equalTo(true)).body("collateralAmount", equalTo("12.58741259"));
        reserveHolds(hana, "SOL", "2.41258741");
    }

    /** The SOL loan: RED with an empty reserve, 5 SOL deposited, then triggered at 107 (LTV 0.8411). */
    @Test
    void aTriggeredLoanItsReserveCanSaveIsToppedUpAndNotSold() {
        String ines = Tokens.borrower("ines-" + UUID.randomUUID());
        priced("SOL", "150");
        UUID loan = UUID.fromString(openLoan(ines, "SOL", "10", "900", true));
        priced("SOL", "115");
        deposit(ines, "SOL", UUID.randomUUID().toString(), "5").statusCode(200).body("balance", equalTo("5.00000000"));
        Instant crash = Instant.now();
        priced("SOL", "107");
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8411"),
                new BigDecimal("107"), crash), "margin-service");

        // 900 / (0.65 × 107) − 10 = 2.94033069…: moved, and the loan is back at its initial LTV, never locked.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LiquidationDeclined.class, e -> e.loanId().equals(loan))).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("saved by auto increase")));
        given().auth().oauth2(ines).get("/api/loans/" + loan).then().body("status", equalTo("ACTIVE"))
                .body("collateralAmount", equalTo("12.94033070")).body("ltv", equalTo("0.6500"));
        reserveHolds(ines, "SOL", "2.05966930");
        assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LiquidationStarted.class,
                e -> e.loanId().equals(loan))).isEmpty();
        assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.CollateralAdded.class, e -> e.loanId().equals(loan)))
                .singleElement().satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("2.94033070"));
    }

    @Test
    void aReserveThatCannotSaveATriggeredLoanStaysTheBorrowersAndTheLoanIsSold() {
        String jon = Tokens.borrower("jon-" + UUID.randomUUID());
        priced("SOL", "150");
        UUID loan = UUID.fromString(openLoan(jon, "SOL", "10", "900", true));
        priced("SOL", "115");
        deposit(jon, "SOL", UUID.randomUUID().toString(), "0.05").statusCode(200);
        Instant crash = Instant.now();
        priced("SOL", "107");                       // 0.05 more SOL still leaves the LTV at 0.8369, past 0.8333
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.LiquidationTriggered(loan, new BigDecimal("0.8411"),
                new BigDecimal("107"), crash), "margin-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LiquidationStarted.class, e -> e.loanId().equals(loan))).singleElement()
                .satisfies(s -> assertThat(s.collateralAmount()).isEqualByComparingTo("10")));
        given().auth().oauth2(jon).get("/api/loans/" + loan).then().body("status", equalTo("LIQUIDATING"));
        reserveHolds(jon, "SOL", "0.05000000");
    }

    @Test
    void aBorrowerDepositsIntoTheReserveAndSeesTheBalances() {
        String dana = Tokens.borrower("dana-" + UUID.randomUUID());
        given().auth().oauth2(dana).get("/api/reserves").then().statusCode(200)
                .body("asset", hasItems("BTC", "ETH", "SOL"))
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.00000000"));

        String key = UUID.randomUUID().toString();
        deposit(dana, "BTC", key, "0.5").statusCode(200)
                .body("asset", equalTo("BTC")).body("balance", equalTo("0.50000000"));
        deposit(dana, "BTC", key, "0.5").statusCode(200)
                .header("Idempotent-Replayed", "true").body("balance", equalTo("0.50000000"));
        deposit(dana, "BTC", key, "0.7").statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:idempotency-key-reused"));
        deposit(dana, "BTC", UUID.randomUUID().toString(), "0.25").statusCode(200)
                .body("balance", equalTo("0.75000000"));
        deposit(dana, "ETH", UUID.randomUUID().toString(), "3").statusCode(200)
                .body("balance", equalTo("3.00000000"));

        given().auth().oauth2(dana).get("/api/reserves").then().statusCode(200)
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.75000000"))
                .body("find { it.asset == 'ETH' }.balance", equalTo("3.00000000"))
                .body("find { it.asset == 'SOL' }.balance", equalTo("0.00000000"));
        // Another borrower's reserve is theirs alone.
        given().auth().oauth2(Tokens.borrower("eve-" + UUID.randomUUID())).get("/api/reserves").then()
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.00000000"));
    }

    @Test
    void badDepositsAreA400NamingTheField() {
        String dana = Tokens.borrower("dana-" + UUID.randomUUID());
        deposit(dana, "DOGE", UUID.randomUUID().toString(), "1").statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("asset"))
                .body("detail", containsString("BTC, ETH, SOL"));
        deposit(dana, "BTC", UUID.randomUUID().toString(), "0.000000001").statusCode(400)
                .body("violations.field", hasItem("amount"));
        deposit(dana, "BTC", UUID.randomUUID().toString(), "0").statusCode(400)
                .body("violations.field", hasItem(containsString("amount")));
        deposit(dana, "BTC", UUID.randomUUID().toString(), "-1").statusCode(400);
        deposit(dana, "BTC", null, "1").statusCode(400).body("detail", containsString("Idempotency-Key"));
        given().auth().oauth2(dana).contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body("{\"amount\":1}").post("/api/reserves/BTC/deposits").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        given().auth().oauth2(dana).get("/api/reserves").then()
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.00000000"));
    }

    @Test
    void reservesAreTheBorrowersOnly() {
        given().get("/api/reserves").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forged("alice")).get("/api/reserves").then().statusCode(401);
        given().auth().oauth2(Tokens.agent()).get("/api/reserves").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).get("/api/reserves").then().statusCode(403);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body("{\"amount\":\"1\"}")
                .post("/api/reserves/BTC/deposits").then().statusCode(401);
        deposit(Tokens.agent(), "BTC", UUID.randomUUID().toString(), "1").statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void autoIncreaseMovesWhatReachesTheInitialLtvOrAllTheReserveHolds() {
        String frank = "frank-" + UUID.randomUUID();
        String frankToken = Tokens.borrower(frank);
        deposit(frankToken, "BTC", UUID.randomUUID().toString(), "1").statusCode(200);
        String covered = openBtcLoan(frankToken, "1", "39000", true);
        String shortOne = openBtcLoan(frankToken, "1", "39000", true);
        String off = openBtcLoan(frankToken, "1", "39000", false);
        btcAt("50000");                     // LTV 0.78: 39000 / (0.65 × 50000) = 1.2 BTC, so 0.2 more each

        UUID coveredId = UUID.fromString(covered);
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.AutoIncreaseRequested(coveredId, new BigDecimal("0.65"),
                new BigDecimal("0.2")), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(frankToken).get("/api/loans/" + covered)
                .then().body("collateralAmount", equalTo("1.20000000")).body("ltv", equalTo("0.6500")));
        given().auth().oauth2(frankToken).get("/api/reserves").then()
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.80000000"));

        UUID shortId = UUID.fromString(shortOne);
        btcAt("25000");                     // the second loan now needs 39000 / 16250 - 1 = 1.4 BTC; 0.8 is there
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.AutoIncreaseRequested(shortId, new BigDecimal("0.65"),
                new BigDecimal("1.4")), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(frankToken).get("/api/loans/" + shortOne)
                .then().body("collateralAmount", equalTo("1.80000000")));
        given().auth().oauth2(frankToken).get("/api/reserves").then()
                .body("find { it.asset == 'BTC' }.balance", equalTo("0.00000000"));

        // With auto increase off nothing moves, even with a reserve. The deposit tops up at once the two loans with
        // it on, past their margin call at 25000: 2.4 − 1.2 and 2.4 − 1.8 BTC, oldest first; 3.2 are left.
        deposit(frankToken, "BTC", UUID.randomUUID().toString(), "5").statusCode(200)
                .body("balance", equalTo("3.20000000"));
        given().auth().oauth2(frankToken).get("/api/loans/" + covered).then().body("collateralAmount", equalTo("2.40000000"));
        given().auth().oauth2(frankToken).get("/api/loans/" + shortOne).then().body("collateralAmount", equalTo("2.40000000"));
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.AutoIncreaseRequested(UUID.fromString(off),
                new BigDecimal("0.65"), new BigDecimal("1.4")), "margin-service");
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.MarginCall(UUID.fromString(off), frank, "BTC",
                new BigDecimal("1"), new BigDecimal("39000.00"), new BigDecimal("1.56"), new BigDecimal("25000"),
                new BigDecimal("46801.87"), new BigDecimal("1.4"), new BigDecimal("22750.00"), 0), "margin-service");
        // A later event on the same topic as the sentinel: once applied, the ones before it were too.
        kafka.publish(Topics.MARGIN_EVENTS, new MarginEvents.ZoneChanged(UUID.fromString(off), frank, "BTC", "GREEN",
                "RED", new BigDecimal("1.56"), new BigDecimal("25000")), "margin-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(frankToken).get("/api/loans/" + off)
                .then().body("zone", equalTo("RED")));
        given().auth().oauth2(frankToken).get("/api/loans/" + off).then().body("collateralAmount", equalTo("1.00000000"));
        given().auth().oauth2(frankToken).get("/api/reserves").then()
                .body("find { it.asset == 'BTC' }.balance", equalTo("3.20000000"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.CollateralAdded.class,
                    e -> e.loanId().equals(coveredId))).hasSize(2).first().satisfies(e -> {
                        assertThat(e.source()).isEqualTo("AUTO_INCREASE");
                        assertThat(e.amount()).isEqualByComparingTo("0.2");
                        assertThat(e.collateralAmount()).isEqualByComparingTo("1.2");
                    });
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.AutoIncreaseShort.class,
                    e -> e.loanId().equals(coveredId))).isEmpty();
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.CollateralAdded.class,
                    e -> e.loanId().equals(shortId))).hasSize(2).first().satisfies(e -> {
                        assertThat(e.source()).isEqualTo("AUTO_INCREASE");
                        assertThat(e.amount()).isEqualByComparingTo("0.8");
                    });
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.AutoIncreaseShort.class,
                    e -> e.loanId().equals(shortId))).singleElement().satisfies(e -> {
                        assertThat(e.needed()).isEqualByComparingTo("1.4");
                        assertThat(e.available()).isEqualByComparingTo("0.8");
                        assertThat(e.collateralAsset()).isEqualTo("BTC");
                    });
        });
        given().auth().oauth2(frankToken).get("/api/loans/" + shortOne + "/timeline").then()
                .body("type", hasItems("AutoIncreaseRequested", "CollateralAdded", "AutoIncreaseShort"));
        given().auth().oauth2(frankToken).get("/api/loans/" + off + "/timeline").then()
                .body("type", hasItems("AutoIncreaseRequested", "MarginCall", "ZoneChanged"))
                .body("find { it.type == 'MarginCall' }.payload.addCollateral", equalTo("1.4"))
                .body("find { it.type == 'MarginCall' }.source", equalTo("margin-service"));
    }

    @Test
    void simultaneousFirstDepositsNeverLoseOneAnother() throws Exception {
        String ivan = Tokens.borrower("ivan-" + UUID.randomUUID());
        int parallel = 4;
        var start = new java.util.concurrent.CyclicBarrier(parallel);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        var statuses = new java.util.ArrayList<Integer>();
        try {
            var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
            for (int i = 0; i < parallel; i++) {
                tasks.add(() -> {
                    start.await();
                    return deposit(ivan, "SOL", UUID.randomUUID().toString(), "0.1").extract().statusCode();
                });
            }
            for (var result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        long won = statuses.stream().filter(s -> s == 200).count();
        given().auth().oauth2(ivan).get("/api/reserves").then()
                .body("find { it.asset == 'SOL' }.balance", equalTo(new BigDecimal("0.1").multiply(BigDecimal.valueOf(won))
                        .setScale(8).toPlainString()));
    }
}
