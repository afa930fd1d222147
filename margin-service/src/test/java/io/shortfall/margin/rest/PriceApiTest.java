package io.shortfall.margin.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Topics;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static io.shortfall.margin.LoanService.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** ETH is this class's alone. */
@QuarkusTest
class PriceApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private static ValidatableResponse post(String token, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.post("/api/prices").then();
    }

    @Test
    void anOperatorsTickGoesThroughMarketPricesAndBecomesTheLatestPrice() {
        String observedAt = post(Tokens.operator(), """
                {"asset":"ETH","price":"3000.5","source":"ops-desk"}""")
                .statusCode(202)
                .body("asset", equalTo("ETH"))
                .body("price", equalTo("3000.50000000"))
                .body("source", equalTo("ops-desk"))
                .body("observedAt", notNullValue())
                .extract().path("observedAt");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.payloads(Topics.MARKET_PRICES, PriceTick.class,
                t -> t.asset().equals("ETH") && t.source().equals("ops-desk"))).singleElement()
                .satisfies(t -> assertThat(t.observedAt()).isEqualTo(Instant.parse(observedAt))));
        LoanService.awaitLatest("ETH", "3000.5");
        given().auth().oauth2(Tokens.borrower("alice")).get("/api/prices").then().statusCode(200)
                .body("find { it.asset == 'ETH' }.source", equalTo("ops-desk"))
                .body("find { it.asset == 'ETH' }.observedAt", notNullValue())
                .body("find { it.asset == 'ETH' }.ageSeconds", greaterThanOrEqualTo(0))
                .body("find { it.asset == 'ETH' }.breakerTripped", equalTo(false));
    }

    @Test
    void theSourceDefaultsToTheCaller() {
        post(Tokens.operator(), """
                {"asset":"ETH","price":"3001"}""").statusCode(202).body("source", equalTo("ops"));
    }

    @Test
    void onlyAnOperatorPostsPricesAndOnlyAUserReadsThem() {
        post(null, "{\"asset\":\"ETH\",\"price\":\"1\"}").statusCode(401).contentType("application/problem+json");
        post(Tokens.forged("ops"), "{\"asset\":\"ETH\",\"price\":\"1\"}").statusCode(401);
        post(Tokens.borrower("alice"), "{\"asset\":\"ETH\",\"price\":\"1\"}").statusCode(403)
                .contentType("application/problem+json");
        post(Tokens.agent(), "{\"asset\":\"ETH\",\"price\":\"1\"}").statusCode(403);
        given().get("/api/prices").then().statusCode(401);
        assertThat(kafka.payloads(Topics.MARKET_PRICES, PriceTick.class,
                t -> t.price().compareTo(java.math.BigDecimal.ONE) == 0 && t.asset().equals("ETH"))).isEmpty();
    }

    @Test
    void badTicksAreA400NamingTheField() {
        String ops = Tokens.operator();
        post(ops, "{\"asset\":\"DOGE\",\"price\":\"1\"}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("asset")).body("detail", containsString("BTC, DOT, ETH"));
        post(ops, "{\"price\":\"1\"}").statusCode(400).body("violations.field", hasItem("asset"));
        post(ops, "{\"asset\":\"ETH\"}").statusCode(400).body("violations.field", hasItem("price"));
        post(ops, "{\"asset\":\"ETH\",\"price\":3000.5}").statusCode(400).body("violations.field", hasItem("price"))
                .body("detail", containsString("JSON string"));
        // resteasy-problem's own mapper answers this one: the field is named in "field", not in "violations".
        post(ops, "{\"asset\":\"ETH\",\"price\":\"abc\"}").statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("price"));
        post(ops, "{\"asset\":\"ETH\",\"price\":\"0\"}").statusCode(400).body("violations.field", hasItem("price"))
                .body("detail", containsString("positive"));
        post(ops, "{\"asset\":\"ETH\",\"price\":\"-5\"}").statusCode(400).body("violations.field", hasItem("price"));
        post(ops, "{\"asset\":\"ETH\",\"price\":\"1.123456789\"}").statusCode(400)
                .body("violations.field", hasItem("price")).body("detail", containsString("8 decimals"));
        post(ops, "{\"asset\":\"ETH\",\"price\":\"1\",\"source\":\"" + "x".repeat(101) + "\"}").statusCode(400)
                .body("violations.field", hasItem("source"));
        post(ops, "not json").statusCode(400).contentType("application/problem+json");
    }
}
