package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Repayments, collateral top-ups, auto increase switch and the timeline of a loan, against the real stack. */
@QuarkusTest
class LoanChangesApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    private final String alice = Tokens.borrower("alice");
    private final String bob = Tokens.borrower("bob");
    @Inject
    TestClock clock;

    @BeforeEach
    void btcTradesAt60000() {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("BTC", new BigDecimal("60000.00000000"), "test",
                Instant.now()), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/assets").then()
                .body("find { it.asset == 'BTC' }.price", equalTo("60000.00000000")));
    }

    private String openBtcLoan(String token, String collateral, String principal) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"collateralAsset":"BTC","collateralAmount":"%s","principal":"%s"}""".formatted(collateral, principal))
                .post("/api/loans").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse post(String token, String path, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(path).then();
    }

    private static ValidatableResponse repay(String token, String loan, String amount) {
        return post(token, "/api/loans/" + loan + "/repayments", UUID.randomUUID().toString(),
                "{\"amount\":\"" + amount + "\"}");
    }

    private static String amount(String value) {
        return "{\"amount\":\"" + value + "\"}";
    }

    @Test
    void aRepaymentPaysPrincipalAndTheFullDebtClosesTheLoanAndReturnsTheCollateral() {
        String loan = openBtcLoan(alice, "1", "30000");

        repay(alice, loan, "1000.00").statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("principal", equalTo("29000.00"))
                .body("debt", equalTo("29000.00"))
                .body("collateralAmount", equalTo("1.00000000"));
        repay(alice, loan, "29000.01").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:overpayment"))
                .body("detail", containsString("repay at most that"))
                .body("detail", containsString("29000.00"));
        repay(alice, loan, "29000").statusCode(200)
                .body("status", equalTo("REPAID"))
                .body("principal", equalTo("0.00"))
                .body("debt", equalTo("0.00"))
                .body("collateralAmount", equalTo("0.00000000"));
        repay(alice, loan, "1.00").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:loan-closed"));

        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanRepaid.class, r -> r.loanId().equals(id)))
                    .extracting(LoanEvents.LoanRepaid::principalPaid)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("1000.00"), new BigDecimal("29000.00"));
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanClosed.class, c -> c.loanId().equals(id)))
                    .singleElement().satisfies(c -> {
                        assertThat(c.reason()).isEqualTo("REPAID");
                        assertThat(c.collateralReturned()).isEqualByComparingTo("1");
                    });
            // margin-service applies an event of a loan only when its loanVersion is newer than the last one
            // applied: the close must come after the repayment that led to it, or the position never closes.
            long repaidAt = kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanRepaid.class, r -> r.loanId().equals(id))
                    .stream().mapToLong(LoanEvents.LoanRepaid::loanVersion).max().orElseThrow();
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanClosed.class, c -> c.loanId().equals(id)))
                    .singleElement().extracting(LoanEvents.LoanClosed::loanVersion).isEqualTo(repaidAt + 1);
        });
        given().auth().oauth2(alice).get("/api/loans/" + loan + "/timeline").then().statusCode(200)
                .body("type", hasItems("LoanOpened", "LoanRepaid", "LoanClosed"))
                .body("[0].type", equalTo("LoanClosed"))
                .body("find { it.type == 'LoanClosed' }.payload.reason", equalTo("REPAID"));
    }

    @Test
    void interestAccruesDailyAndARepaymentPaysItFirst() {
        String loan = openBtcLoan(alice, "1", "10000");
        clock.advance(Duration.ofDays(10));
        try {
            // 10000 × 0.12 × 10 / 365 = 32.876...: 32.87 owed, the rest carried.
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/loans/" + loan)
                    .then().body("accruedInterest", equalTo("32.87")).body("debt", equalTo("10032.87")));
            repay(alice, loan, "40.00").statusCode(200)
                    .body("accruedInterest", equalTo("0.00"))
                    .body("principal", equalTo("9992.87"));
            repay(alice, loan, "9992.88").statusCode(422).body("type", equalTo("urn:shortfall:problem:overpayment"));
        } finally {
            clock.reset();
        }
        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.InterestAccrued.class, e -> e.loanId().equals(id)))
                    .singleElement().satisfies(e -> assertThat(e.accruedInterest()).isEqualByComparingTo("32.87"));
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanRepaid.class, e -> e.loanId().equals(id)))
                    .singleElement().satisfies(e -> {
                        assertThat(e.interestPaid()).isEqualByComparingTo("32.87");
                        assertThat(e.principalPaid()).isEqualByComparingTo("7.13");
                        assertThat(e.principal()).isEqualByComparingTo("9992.87");
                    });
        });
        given().auth().oauth2(alice).get("/api/loans/" + loan + "/timeline").then().statusCode(200)
                .body("type", hasItems("InterestAccrued", "LoanRepaid"));
    }

    @Test
    void aRepeatedRepaymentIsAppliedOnceAndAReusedKeyIsRefused() {
        String loan = openBtcLoan(alice, "1", "5000");
        String key = UUID.randomUUID().toString();
        String path = "/api/loans/" + loan + "/repayments";
        post(alice, path, key, amount("100.00")).statusCode(200).body("principal", equalTo("4900.00"));
        post(alice, path, key, amount("100.00")).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("principal", equalTo("4900.00"));
        post(alice, path, key, amount("200.00")).statusCode(409)
                .body("type", equalTo("urn:shortfall:problem:idempotency-key-reused"));
        given().auth().oauth2(alice).get("/api/loans/" + loan).then().body("principal", equalTo("4900.00"));
    }

    @Test
    void badRepaymentsAreA400NamingTheField() {
        String loan = openBtcLoan(alice, "1", "5000");
        String path = "/api/loans/" + loan + "/repayments";
        post(alice, path, null, amount("10")).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        post(alice, path, UUID.randomUUID().toString(), amount("0")).statusCode(400)
                .body("violations.field", hasItem(containsString("amount")));
        post(alice, path, UUID.randomUUID().toString(), amount("-5")).statusCode(400)
                .body("violations.field", hasItem(containsString("amount")));
        post(alice, path, UUID.randomUUID().toString(), amount("1.001")).statusCode(400)
                .body("violations.field", hasItem("amount"))
                .body("detail", containsString("at most 2 decimals"));
        post(alice, path, UUID.randomUUID().toString(), "{\"amount\":12.5}").statusCode(400)
                .body("violations.field", hasItem("amount"));
        post(alice, path, UUID.randomUUID().toString(), "{}").statusCode(400)
                .body("violations.field", hasItem(containsString("amount")));
        given().auth().oauth2(alice).get("/api/loans/" + loan).then().body("principal", equalTo("5000.00"));
    }

    @Test
    void onlyTheOwnerChangesALoan() {
        String loan = openBtcLoan(alice, "1", "5000");
        for (String path : List.of("/repayments", "/collateral")) {
            String url = "/api/loans/" + loan + path;
            given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body(amount("1")).post(url)
                    .then().statusCode(401).contentType("application/problem+json");
            post(Tokens.forged("alice"), url, "k", amount("1")).statusCode(401);
            post(bob, url, UUID.randomUUID().toString(), amount("1")).statusCode(404)
                    .contentType("application/problem+json");
            post(Tokens.agent(), url, UUID.randomUUID().toString(), amount("1")).statusCode(403)
                    .contentType("application/problem+json");
            post(Tokens.operator(), url, UUID.randomUUID().toString(), amount("1")).statusCode(403);
            post(alice, "/api/loans/" + UUID.randomUUID() + path, UUID.randomUUID().toString(), amount("1"))
                    .statusCode(404);
        }
        String autoIncrease = "/api/loans/" + loan + "/auto-increase";
        given().contentType(ContentType.JSON).body("{\"enabled\":true}").put(autoIncrease).then().statusCode(401);
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"enabled\":true}").put(autoIncrease)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.agent()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .put(autoIncrease).then().statusCode(403);

        String timeline = "/api/loans/" + loan + "/timeline";
        given().get(timeline).then().statusCode(401);
        given().auth().oauth2(bob).get(timeline).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(alice).get("/api/loans/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
        given().auth().oauth2(Tokens.agent()).get(timeline).then().statusCode(200).body("type", hasItem("LoanOpened"));
        given().auth().oauth2(Tokens.operator()).get(timeline).then().statusCode(200);
        given().auth().oauth2(Tokens.supervisor()).get(timeline).then().statusCode(200);
        given().auth().oauth2(Tokens.of("nobody")).get(timeline).then().statusCode(403)
                .contentType("application/problem+json");
        // Staff find a borrower's loans by borrowerId.
        given().auth().oauth2(Tokens.agent()).get("/api/loans?borrowerId=alice&size=100").then().statusCode(200)
                .body("id", hasItem(loan));
        given().auth().oauth2(Tokens.supervisor()).get("/api/loans?borrowerId=alice&size=100").then()
                .statusCode(200).body("id", hasItem(loan));
        given().auth().oauth2(Tokens.operator()).get("/api/loans?borrowerId=bob&size=100").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(loan)));
        given().auth().oauth2(bob).get("/api/loans?borrowerId=alice&size=100").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(loan)));
        given().auth().oauth2(alice).get(timeline + "?size=1000").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("principal", equalTo("5000.00")).body("collateralAmount", equalTo("1.00000000"))
                .body("autoIncrease", equalTo(false));
    }

    @Test
    void theOwnerAddsCollateralAndTheDashboardShowsWhatReachesTheInitialLtv() {
        // 1 BTC at 60000 against 39000: LTV 0.65, nothing needed; 0.5 BTC more brings it to 0.4333.
        String loan = openBtcLoan(alice, "1", "39000");
        given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("collateralToInitialLtv", equalTo("0.00000000"))
                .body("repaymentToInitialLtv", equalTo("0.00"));
        String path = "/api/loans/" + loan + "/collateral";
        post(alice, path, UUID.randomUUID().toString(), amount("0.5")).statusCode(200)
                .body("collateralAmount", equalTo("1.50000000"))
                .body("ltv", equalTo("0.4333"));
        post(alice, path, UUID.randomUUID().toString(), amount("0.000000001")).statusCode(400)
                .body("violations.field", hasItem("amount"))
                .body("detail", containsString("at most 8 decimals"));
        post(alice, path, UUID.randomUUID().toString(), amount("0")).statusCode(400);
        post(alice, path, null, amount("1")).statusCode(400).body("detail", containsString("Idempotency-Key"));

        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.CollateralAdded.class, e -> e.loanId().equals(id))).singleElement().satisfies(e -> {
                    assertThat(e.source()).isEqualTo("BORROWER");
                    assertThat(e.amount()).isEqualByComparingTo("0.5");
                    assertThat(e.collateralAmount()).isEqualByComparingTo("1.5");
                    assertThat(e.collateralAsset()).isEqualTo("BTC");
                }));

        // At 45000 the LTV is 39000 / 67500 = 0.5778; at 36000, 0.7222: 0.16666667 BTC more, or 3900.00 repaid.
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("BTC", new BigDecimal("36000"), "test", Instant.now()), "feed");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("price", equalTo("36000.00000000"))
                .body("ltv", equalTo("0.7222"))
                .body("collateralToInitialLtv", equalTo("0.16666667"))
                .body("repaymentToInitialLtv", equalTo("3900.00")));
    }

    @Test
    void theOwnerSwitchesAutoIncrease() {
        String loan = openBtcLoan(alice, "1", "5000");
        String path = "/api/loans/" + loan + "/auto-increase";
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"enabled\":true}").put(path).then()
                .statusCode(200).body("autoIncrease", equalTo(true));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"enabled\":true}").put(path).then()
                .statusCode(200).body("autoIncrease", equalTo(true));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}").put(path).then()
                .statusCode(400).body("violations.field", hasItem(containsString("enabled")));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"enabled\":\"maybe\"}").put(path).then()
                .statusCode(400);

        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.AutoIncreaseChanged.class, e -> e.loanId().equals(id)))
                .singleElement().satisfies(e -> assertThat(e.enabled()).isTrue()));
        given().auth().oauth2(alice).get("/api/loans/" + loan + "/timeline").then()
                .body("type", hasItem("AutoIncreaseChanged"));
    }

    @Test
    void simultaneousRepaymentsNeverLoseOneAnother() throws Exception {
        String loan = openBtcLoan(alice, "1", "1000");
        int parallel = 6;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                tasks.add(() -> {
                    start.await();
                    return repay(alice, loan, "100.00").extract().statusCode();
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        long won = statuses.stream().filter(s -> s == 200).count();
        // Every repayment that was answered 200 took hold; none was lost to another.
        given().auth().oauth2(alice).get("/api/loans/" + loan).then()
                .body("principal", equalTo(new BigDecimal("1000.00").subtract(BigDecimal.valueOf(100 * won))
                        .setScale(2).toPlainString()));
        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LoanRepaid.class, e -> e.loanId().equals(id))).hasSize((int) won));
    }

    @Test
    void twoSimultaneousFullRepaymentsCannotBothWin() throws Exception {
        String loan = openBtcLoan(alice, "1", "1000");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            Callable<Integer> full = () -> {
                start.await();
                return repay(alice, loan, "1000.00").extract().statusCode();
            };
            for (Future<Integer> result : pool.invokeAll(List.of(full, full))) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnlyOnce(200).hasSize(2).allMatch(s -> s == 200 || s == 409);
        UUID id = UUID.fromString(loan);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.LoanClosed.class, e -> e.loanId().equals(id))).hasSize(1));
    }

    @Test
    void theBorrowersContactIsSentOnOpeningAndAgainOnlyWhenTheirClaimsChange() {
        String hank = "hank-" + UUID.randomUUID();
        String token = Tokens.borrower(hank);
        String loan = openBtcLoan(token, "1", "1000");
        repay(token, loan, "10.00").statusCode(200);
        String moved = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(hank).preferredUserName(hank)
                .claim("email", hank + "@new.example.com").claim("name", "Hank Moved")
                .claim("zoneinfo", "Europe/Paris").claim("locale", "fr")
                .claim("realm_access", java.util.Map.of("roles", List.of("borrower")))
                .expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
        repay(moved, loan, "10.00").statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.LOAN_EVENTS,
                LoanEvents.BorrowerContact.class, c -> c.borrowerId().equals(hank)))
                .extracting(LoanEvents.BorrowerContact::email, LoanEvents.BorrowerContact::timeZone,
                        LoanEvents.BorrowerContact::locale)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hank + "@example.com", "UTC", "en"),
                        org.assertj.core.groups.Tuple.tuple(hank + "@new.example.com", "Europe/Paris", "fr")));
    }
}
