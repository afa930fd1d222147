package io.shortfall.liquidation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Thresholds;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class LiquidationApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();
    private final String alice = Tokens.borrower("alice");
    private final String bob = Tokens.borrower("bob");
    private UUID loan;
    private String id;

    /** Alice's ETH loan locked: 2 ETH at 2300 against 4712.34 (see LiquidationFlowTest for the numbers). */
    @BeforeEach
    void aliceWasLiquidated() {
        loan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LiquidationStarted(loan, "alice", "ETH",
                new BigDecimal("2"), new BigDecimal("4700.00"), new BigDecimal("12.34"), new BigDecimal("2300"),
                Instant.now(), new BigDecimal("0.85"), "PARTIAL", "RECOURSE", Thresholds.DEFAULTS, 5), "loan-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.payloads(
                Topics.LIQUIDATION_EVENTS, LiquidationEvents.LiquidationCompleted.class,
                c -> c.loanId().equals(loan))).hasSize(1));
        id = kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.LiquidationCompleted.class,
                c -> c.loanId().equals(loan)).get(0).liquidationId().toString();
    }

    @Test
    void theOwnerReadsTheReceiptWithTheArithmeticShown() {
        given().auth().oauth2(alice).get("/api/liquidations/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("loanId", equalTo(loan.toString()))
                .body("borrowerId", equalTo("alice"))
                .body("status", equalTo("COMPLETED"))
                .body("policy", equalTo("FULL"))
                .body("requestedPolicy", equalTo("PARTIAL"))
                .body("recourse", equalTo("RECOURSE"))
                .body("collateralAsset", equalTo("ETH"))
                .body("collateralSold", equalTo("2.00000000"))
                .body("referencePrice", equalTo("2300.00000000"))
                .body("floorPrice", equalTo("2254.00000000"))
                .body("fills.size()", equalTo(4))
                .body("fills[0].quantity", equalTo("0.50000000"))
                .body("fills[0].price", equalTo("2298.85000000"))
                .body("fills[0].referencePrice", equalTo("2300.00000000"))
                .body("fills[0].slippage", equalTo("0.000500"))
                .body("fills[0].creditedPrice", equalTo("2298.85000000"))
                .body("fills[3].clientOrderId", equalTo(id + "-4"))
                .body("proceeds", equalTo("4597.70"))
                .body("floorCredit", equalTo("0.00"))
                .body("gross", equalTo("4597.70"))
                .body("feeRate", equalTo("0.05000000"))
                .body("fee", equalTo("0.00"))
                .body("debt", equalTo("4712.34"))
                .body("debtCovered", equalTo("4597.70"))
                .body("surplus", equalTo("0.00"))
                .body("shortfall", equalTo("114.64"))
                .body("currency", equalTo("USDT"));
    }

    @Test
    void aBorrowerSeesOnlyTheirOwnAndStaffFilter() {
        given().auth().oauth2(alice).get("/api/liquidations?size=100").then().statusCode(200)
                .body("id", hasItem(id)).body("borrowerId", everyItem(equalTo("alice")));
        given().auth().oauth2(bob).get("/api/liquidations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(bob).get("/api/liquidations?borrowerId=alice&size=100").then().statusCode(200)
                .body("id", not(hasItem(id))).body("borrowerId", everyItem(equalTo("bob")));
        given().auth().oauth2(Tokens.agent()).get("/api/liquidations/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.supervisor()).get("/api/liquidations?borrowerId=alice&size=100").then()
                .statusCode(200).body("id", hasItem(id)).body("borrowerId", everyItem(equalTo("alice")));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?loanId=" + loan).then().statusCode(200)
                .body("id", equalTo(java.util.List.of(id)));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noTokenOrAForgedOneIs401AndTheFundIsForOperatorsOnly() {
        given().get("/api/liquidations/" + id).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/liquidations").then().statusCode(401);
        given().auth().oauth2(Tokens.forAudience("account", "alice", "borrower")).get("/api/liquidations/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience(null, "ops", "operator")).get("/api/liquidations").then()
                .statusCode(401);
        given().auth().oauth2(alice).get("/api/insurance-fund").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.agent()).get("/api/insurance-fund").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).get("/api/insurance-fund").then().statusCode(200)
                .body("currency", equalTo("USDT"))
                .body("initialBalance", equalTo("1000000.00"));
        given().auth().oauth2(Tokens.of("nobody")).get("/api/liquidations").then().statusCode(403);
    }

    @Test
    void badPagingIsA400NamingTheField() {
        given().auth().oauth2(alice).get("/api/liquidations?size=1000").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().auth().oauth2(Tokens.operator()).get("/api/insurance-fund?page=-1").then().statusCode(400)
                .body("violations.field", hasItem("page"));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?status=BOGUS").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("status"));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?loanId=not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("loanId"));
        given().auth().oauth2(alice).get("/api/liquidations?loanId=not-a-uuid").then().statusCode(400)
                .body("violations.field", hasItem("loanId"));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?status=COMPLETED&loanId=" + loan).then()
                .statusCode(200).body("id", equalTo(java.util.List.of(id)));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?status=QUEUED&loanId=" + loan).then()
                .statusCode(200).body("size()", equalTo(0));
    }
}
