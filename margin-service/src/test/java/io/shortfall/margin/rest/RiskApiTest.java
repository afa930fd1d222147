package io.shortfall.margin.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** ADA is this class's alone. */
@QuarkusTest
class RiskApiTest {

    private static boolean opened;
    private final LoanService loans = new LoanService();

    @BeforeEach
    void twoLoansOnAda() {
        if (opened) {
            return;
        }
        loans.opens("gina", "ADA", "1000", "390.00", false);                  // 0.65 at 0.60
        loans.opens("hugo", "ADA", "1000", "300.00", false);                  // 0.50 at 0.60
        loans.tickApplied("ADA", "0.60", Instant.now());
        opened = true;
    }

    private static ValidatableResponse stress(String token, String query) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.get("/api/risk/stress" + query).then();
    }

    private static BigDecimal amount(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    @Test
    void theSummaryShowsEachAssetsLoansAndDebtByZone() {
        JsonPath json = given().auth().oauth2(Tokens.operator()).get("/api/risk/summary").then().statusCode(200)
                .extract().jsonPath();
        String ada = "find { it.asset == 'ADA' }";
        assertThat(json.getLong(ada + ".loans")).isEqualTo(2);
        assertThat(amount(json, ada + ".debt")).isEqualByComparingTo("690");
        assertThat(json.getLong(ada + ".zones.GREEN.loans")).isEqualTo(2);
        assertThat(json.getLong(ada + ".zones.RED.loans")).isZero();
        assertThat(amount(json, ada + ".price")).isEqualByComparingTo("0.60");
        assertThat(json.getBoolean(ada + ".breakerTripped")).isFalse();
        assertThat(json.getList("asset", String.class)).contains("BTC", "ETH", "SOL");
    }

    @Test
    void aThirtyPercentFallWouldPutOneLoanInRedAndLiquidateItWithoutShortfall() {
        JsonPath json = stress(Tokens.operator(), "?asset=ADA&move=-0.30").statusCode(200).extract().jsonPath();
        assertThat(amount(json, "stressedPrice")).isEqualByComparingTo("0.42");
        assertThat(json.getLong("loans")).isEqualTo(2);
        // 390 / 420 = 0.9286: RED and liquidated; 300 / 420 = 0.7143: GREEN
        assertThat(json.getLong("entering.RED.loans")).isEqualTo(1);
        assertThat(amount(json, "entering.RED.debt")).isEqualByComparingTo("390");
        assertThat(json.getLong("entering.ORANGE.loans")).isZero();
        assertThat(json.getLong("zones.GREEN.loans")).isEqualTo(1);
        assertThat(json.getLong("liquidated.loans")).isEqualTo(1);
        assertThat(amount(json, "liquidated.debt")).isEqualByComparingTo("390");
        assertThat(json.getString("projectedShortfall")).isEqualTo("0.00");
    }

    @Test
    void aDeeperFallWouldLiquidateBothWithAShortfall() {
        JsonPath json = stress(Tokens.operator(), "?asset=ADA&move=-0.55").statusCode(200).extract().jsonPath();
        // at 0.27: 390 − 270 and 300 − 270
        assertThat(json.getLong("liquidated.loans")).isEqualTo(2);
        assertThat(json.getString("projectedShortfall")).isEqualTo("150.00");
        assertThat(json.getLong("entering.RED.loans")).isEqualTo(2);
    }

    @Test
    void aRiseMovesNobody() {
        JsonPath json = stress(Tokens.operator(), "?asset=ADA&move=0.10").statusCode(200).extract().jsonPath();
        assertThat(json.getLong("zones.GREEN.loans")).isEqualTo(2);
        assertThat(json.getLong("liquidated.loans")).isZero();
    }

    @Test
    void badQueriesAreA400NamingTheField() {
        stress(Tokens.operator(), "?asset=ADA").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("move"));
        stress(Tokens.operator(), "?asset=ADA&move=lots").statusCode(400).body("detail", containsString("move"));
        stress(Tokens.operator(), "?asset=ADA&move=-1").statusCode(400).body("detail", containsString("move"));
        stress(Tokens.operator(), "?asset=ADA&move=11").statusCode(400).body("detail", containsString("move"));
        stress(Tokens.operator(), "?move=-0.3").statusCode(400).body("detail", containsString("asset"))
                .body("violations[0].in", equalTo("query"));
        stress(Tokens.operator(), "?asset=DOGE&move=-0.3").statusCode(400).body("detail", containsString("asset"));
    }

    @Test
    void anAssetWithoutAPriceCannotBeStressed() {
        stress(Tokens.operator(), "?asset=ICP&move=-0.3").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ICP"));
        given().auth().oauth2(Tokens.operator()).get("/api/risk/summary").then().statusCode(200)
                .body("find { it.asset == 'ICP' }.loans", equalTo(0))
                .body("find { it.asset == 'ICP' }.price", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void onlyAnOperatorSeesTheRisk() {
        stress(null, "?asset=ADA&move=-0.3").statusCode(401);
        stress(Tokens.agent(), "?asset=ADA&move=-0.3").statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.borrower("gina")).get("/api/risk/summary").then().statusCode(403);
        given().get("/api/risk/summary").then().statusCode(401);
    }

    @Test
    void theServiceIsReadyOnceEveryPositionHasItsBoundariesAndNoAssetsDecisionsFail() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'margin-decisions' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'margin-decisions' }.data.boundaries", equalTo("computed"));
    }
}
