package io.shortfall.loan.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class LoanApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    private final String alice = Tokens.borrower("alice");
    private final String bob = Tokens.borrower("bob");

    @BeforeEach
    void btcTradesAt60000() {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("BTC", new BigDecimal("60000.00000000"), "test",
                Instant.now()), "feed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(alice)
                .get("/api/assets").then().statusCode(200)
                .body("find { it.asset == 'BTC' }.price", equalTo("60000.00000000"))
                .body("find { it.asset == 'BTC' }.priceAgeSeconds", notNullValue()));
    }

    private ValidatableResponse open(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/loans").then();
    }

    private static String loan(String asset, String collateral, String principal) {
        return """
                {"collateralAsset":"%s","collateralAmount":"%s","principal":"%s","autoIncrease":false}"""
                .formatted(asset, collateral, principal);
    }

    @Test
    void aBorrowerOpensALoanAndSeesItsDashboard() {
        String id = open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "30000"))
                .statusCode(201)
                .header("Location", containsString("/api/loans/"))
                .body("status", equalTo("ACTIVE"))
                .body("borrowerId", equalTo("alice"))
                .body("collateralAmount", equalTo("1.00000000"))
                .body("principal", equalTo("30000.00"))
                .body("debt", equalTo("30000.00"))
                .body("currency", equalTo("USDT"))
                .body("ltv", equalTo("0.5000"))
                .body("zone", equalTo("GREEN"))
                .body("price", equalTo("60000.00000000"))
                .body("marginCallPrice", equalTo("37500.00000000"))
                .body("liquidationPrice", equalTo("36001.44005760"))
                .body("thresholds.initial", equalTo("0.6500"))
                .body("thresholds.liquidation", equalTo("0.8333"))
                .extract().path("id");

        given().auth().oauth2(alice).get("/api/loans/" + id).then().statusCode(200).body("id", equalTo(id));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.LoanOpened.class,
                    e -> e.loanId().toString().equals(id)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.principal()).isEqualByComparingTo("30000");
                        assertThat(e.thresholds().liquidation()).isEqualByComparingTo("0.8333");
                    });
            assertThat(kafka.payloads(Topics.LOAN_EVENTS, LoanEvents.BorrowerContact.class,
                    c -> c.borrowerId().equals("alice"))).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.email()).isEqualTo("alice@example.com"));
        });
    }

    @Test
    void aRepeatedRequestGetsTheFirstAnswerAndAReusedKeyIsRefused() {
        String carol = Tokens.borrower("carol-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String first = open(carol, key, loan("BTC", "0.5", "10000")).statusCode(201).extract().path("id");

        open(carol, key, loan("BTC", "0.5", "10000")).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString("/api/loans/" + first))
                .body("id", equalTo(first));
        open(carol, key, loan("BTC", "0.5", "12000")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:idempotency-key-reused"));

        given().auth().oauth2(carol).get("/api/loans").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(first));
    }

    @Test
    void badInputIsA400NamingTheField() {
        open(alice, null, loan("BTC", "1", "1000")).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        open(alice, UUID.randomUUID().toString(), """
                {"collateralAsset":"BTC","collateralAmount":"1","principal":1000.5}""")
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must be a JSON string such as \"1234.56\", not a JSON number"))
                .body("violations.field", hasItem("principal"));
        open(alice, UUID.randomUUID().toString(), loan("BTC", "0.123456789", "1000")).statusCode(400)
                .body("violations.field", hasItem("collateralAmount"));
        open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "1000.001")).statusCode(400)
                .body("violations.field", hasItem("principal"));
        open(alice, UUID.randomUUID().toString(), loan("DOGE", "1", "1000")).statusCode(400)
                .body("violations.field", hasItem("collateralAsset"))
                .body("detail", containsString("BTC, ETH, SOL"));
        open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "99.99")).statusCode(400)
                .body("violations.field", hasItem("principal"))
                .body("detail", containsString("100"));
        open(alice, UUID.randomUUID().toString(), loan("BTC", "-1", "1000")).statusCode(400)
                .body("violations.field", hasItem(containsString("collateralAmount")));
        open(alice, UUID.randomUUID().toString(), "{\"collateralAsset\":\"BTC\"}").statusCode(400)
                .body("violations.field", hasItem(containsString("principal")));
    }

    @Test
    void aLoanAboveTheInitialLtvIsRefusedWithWhatWouldBeAllowed() {
        // 65% of 1 BTC at 60000 is 39000.00
        open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "39000.01")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:ltv-too-high"))
                .body("detail", containsString("borrow at most 39000.00"));
        open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "39000.00")).statusCode(201);
    }

    @Test
    void noLoanOpensOnAStalePrice() {
        kafka.publish(Topics.MARKET_PRICES, new PriceTick("SOL", new BigDecimal("150"), "test",
                Instant.now().minus(Duration.ofMinutes(10))), "feed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(alice).get("/api/assets")
                .then().body("find { it.asset == 'SOL' }.price", equalTo("150.00000000")));

        open(alice, UUID.randomUUID().toString(), loan("SOL", "10", "500")).statusCode(422)
                .body("type", equalTo("urn:shortfall:problem:price-stale"));
        open(alice, UUID.randomUUID().toString(), loan("AVAX", "1", "500")).statusCode(422)
                .body("type", equalTo("urn:shortfall:problem:price-unavailable"));
    }

    @Test
    void onlyTokensIssuedToTheSuitesClientsAreAccepted() {
        // Correctly signed by the issuer, but for another client (another audience, or none as Keycloak's admin-cli):
        // refused as unauthenticated, whatever the roles.
        for (String token : List.of(Tokens.forAudience("account", "alice", "borrower"),
                Tokens.forAudience(null, "alice", "borrower"),
                Tokens.forAudience("shortfall-other", "ops", "operator"))) {
            given().auth().oauth2(token).get("/api/loans").then().statusCode(401)
                    .contentType("application/problem+json");
            open(token, UUID.randomUUID().toString(), loan("BTC", "1", "1000")).statusCode(401)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.borrower("alice")).get("/api/loans").then().statusCode(200);
    }

    @Test
    void onlyTheOwnerAndStaffSeeALoan() {
        String id = open(alice, UUID.randomUUID().toString(), loan("BTC", "1", "20000")).statusCode(201)
                .extract().path("id");

        given().get("/api/loans/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.forged("alice")).get("/api/loans/" + id).then().statusCode(401);
        given().auth().oauth2(bob).get("/api/loans/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(bob).get("/api/loans").then().statusCode(200)
                .body("borrowerId", everyItem(equalTo("bob")));
        given().auth().oauth2(Tokens.agent()).get("/api/loans/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/api/loans?borrowerId=alice&size=100").then().statusCode(200)
                .body("id", hasItem(id)).body("borrowerId", everyItem(equalTo("alice")));
        open(Tokens.agent(), UUID.randomUUID().toString(), loan("BTC", "1", "1000")).statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        given().auth().oauth2(alice).get("/api/loans?size=1000").then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }

    /** A new borrower's first loans opened at the same moment: every one opens (none is a 409 of the others). */
    @Test
    void aNewBorrowerOpeningLoansAtOnceGetsEveryOne() throws Exception {
        String newcomer = Tokens.borrower("newcomer-" + UUID.randomUUID());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var opened = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                opened.add(pool.submit(() -> given().auth().oauth2(newcomer).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(loan("BTC", "0.10000000", "1000.00")).post("/api/loans").statusCode()));
            }
            for (var status : opened) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(newcomer).get("/api/loans").then().statusCode(200).body("size()", equalTo(8));
    }
}
