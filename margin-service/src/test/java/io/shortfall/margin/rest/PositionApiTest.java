package io.shortfall.margin.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shortfall.margin.LoanService;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PositionApiTest {

    private final LoanService loans = new LoanService();

    @Test
    void theOwnerAndStaffSeeAPositionAtTheLatestPrice() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"asset\":\"ETH\",\"price\":\"3000\"}").post("/api/prices").then().statusCode(202);
        LoanService.awaitLatest("ETH", "3000");
        UUID loan = loans.opens("alice", "ETH", "2", "3900.00", false);

        given().auth().oauth2(Tokens.borrower("alice")).get("/api/positions/" + loan).then().statusCode(200)
                .body("loanId", equalTo(loan.toString()))
                .body("borrowerId", equalTo("alice"))
                .body("collateralAsset", equalTo("ETH"))
                .body("collateralAmount", equalTo("2.00000000"))
                .body("debt", equalTo("3900.00"))
                .body("ltv", equalTo("0.6500"))
                .body("zone", equalTo("GREEN"))
                .body("status", equalTo("ACTIVE"))
                .body("price", equalTo("3000.00000000"))
                .body("priceObservedAt", notNullValue())
                .body("liquidationPrice", equalTo("2340.09360374"))
                .body("thresholds.initial", equalTo("0.6500"))
                .body("thresholds.warning", equalTo("0.7500"))
                .body("thresholds.marginCall", equalTo("0.8000"))
                .body("thresholds.liquidation", equalTo("0.8333"));

        given().auth().oauth2(Tokens.agent()).get("/api/positions/" + loan).then().statusCode(200);
        given().auth().oauth2(Tokens.supervisor()).get("/api/positions/" + loan).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/api/positions/" + loan).then().statusCode(200);
    }

    @Test
    void anotherBorrowersPositionIsNotFoundAndATokenIsRequired() {
        UUID loan = loans.opens("alice", "ETH", "1", "100.00", false);
        given().auth().oauth2(Tokens.borrower("bob")).get("/api/positions/" + loan).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.borrower("bob")).get("/api/positions/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).get("/api/positions/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/positions/" + loan).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience("account", "ops", "operator")).get("/api/positions/" + loan).then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience(null, "ops", "operator")).get("/api/positions/" + loan).then()
                .statusCode(401);
        given().auth().oauth2(Tokens.of("nobody")).get("/api/positions/" + loan).then().statusCode(403);
    }
}
