package io.shortfall.debt.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.debt.Shortfalls;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DebtApiTest {

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    private String openCase(String borrower, String amount) {
        var balance = Shortfalls.of(borrower, amount, "RECOURSE");
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");
        return Shortfalls.awaitCase(borrower, balance.liquidationId());
    }

    @Test
    void onlyTheDebtorAndStaffSeeACase() {
        String id = openCase("alice", "321.00");
        String bob = Tokens.borrower("bob");

        given().get("/api/debts/" + id).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/debts").then().statusCode(401);
        given().auth().oauth2(Tokens.forAudience("account", "alice", "borrower")).get("/api/debts/" + id).then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forAudience(null, "agent", "agent")).get("/api/debts").then().statusCode(401);

        given().auth().oauth2(bob).get("/api/debts/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:shortfall:problem:not-found"));
        given().auth().oauth2(bob).get("/api/debts/" + id + "/offers").then().statusCode(404);
        given().auth().oauth2(bob).get("/api/debts?size=100").then().statusCode(200)
                .body("id", not(hasItem(id)))
                .body("debtorId", everyItem(equalTo("bob")));

        given().auth().oauth2(Tokens.agent()).get("/api/debts/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("debtorId", equalTo("alice")).body("amount", equalTo("321.00"));
        // docs/API.md: a case is the debtor's and the agents'; operators see the portfolio, not cases.
        given().auth().oauth2(Tokens.operator()).get("/api/debts/" + id).then().statusCode(403);
        // 321.00: paying in full, 3 and 6 installments (12 x 26.75 is under the self-serve minimum of 50)
        given().auth().oauth2(Tokens.supervisor()).get("/api/debts/" + id + "/offers").then().statusCode(200)
                .body("$", hasSize(3));
        given().auth().oauth2(Tokens.operator()).get("/api/debts").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(bob).get("/api/debts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.agent()).get("/api/debts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theOffersAreTheLadderWithExactSchedules() {
        String id = openCase("erin", "1000.00");
        given().auth().oauth2(Tokens.borrower("erin")).get("/api/debts/" + id + "/offers").then().statusCode(200)
                .body("kind", contains("PAY_IN_FULL", "INSTALLMENTS", "INSTALLMENTS", "INSTALLMENTS"))
                .body("by", everyItem(equalTo("SYSTEM")))
                .body("status", everyItem(equalTo("OPEN")))
                .body("terms.installments", contains(1, 3, 6, 12))
                .body("terms.frequency", contains(null, "MONTHLY", "MONTHLY", "MONTHLY"))
                .body("terms.amount", everyItem(equalTo("1000.00")))
                .body("[0].schedule.amount", contains("1000.00"))
                .body("[1].schedule.amount", contains("333.33", "333.33", "333.34"))
                .body("[2].schedule.amount", contains("166.66", "166.66", "166.66", "166.66", "166.66", "166.70"))
                .body("[3].schedule.n", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                .body("[3].schedule[11].amount", equalTo("83.37"));
    }

    @Test
    void theLadderOffersNoRungOutsideTheSelfServeBoundsAndADebtorsProposalEqualToARungStartsAtOnce() {
        String id = openCase("ivy", "480.08");
        // 12 x 40.00 would be under the minimum of 50 a debtor may propose alone: not offered
        var offers = given().auth().oauth2(Tokens.borrower("ivy")).get("/api/debts/" + id + "/offers").then()
                .statusCode(200).body("terms.installments", contains(1, 3, 6)).extract().jsonPath();
        LocalDate first = LocalDate.parse(offers.getString("[2].terms.firstDueDate"));
        io.shortfall.debt.Debts.plan("ivy", id, 6, first).statusCode(201).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aDebtorsCasesComeNewestFirstPageByPage() {
        String debtor = "dora-" + UUID.randomUUID();
        List<String> opened = new ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            opened.add(openCase(debtor, amount));
        }
        String token = Tokens.borrower(debtor);

        given().auth().oauth2(token).get("/api/debts?page=0&size=2").then().statusCode(200)
                .body("id", contains(opened.get(2), opened.get(1)))
                .body("amount", contains("30.00", "20.00"))
                .body("status", everyItem(equalTo("OPEN")));
        given().auth().oauth2(token).get("/api/debts?page=1&size=2").then().statusCode(200)
                .body("id", contains(opened.get(0)));
        given().auth().oauth2(token).get("/api/debts?size=1000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(token).get("/api/debts?page=-1").then().statusCode(400)
                .body("violations.field", hasItem("page"));
    }
}
