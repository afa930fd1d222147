package io.shortfall.debt;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.TestClock;
import io.shortfall.testing.Tokens;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Steps of the collection flow through the API, for the API tests. */
public final class Debts {

    private Debts() {
    }

    /** A fresh borrower name. */
    public static String debtor(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens a case of {@code amount} for {@code borrower} through liquidation.events; returns its id. */
    public static String open(KafkaProbe kafka, String borrower, String amount) {
        var balance = Shortfalls.of(borrower, amount, "RECOURSE");
        kafka.publish(Topics.LIQUIDATION_EVENTS, balance, "liquidation-service");
        return Shortfalls.awaitCase(borrower, balance.liquidationId());
    }

    /** The service's today (UTC debtors) under {@code clock}. */
    public static LocalDate today(TestClock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public static ValidatableResponse propose(String token, String caseId, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/debts/" + caseId + "/offers").then();
    }

    /** The debtor proposes {@code n} monthly installments from {@code first}: inside the bounds it starts at once. */
    public static ValidatableResponse plan(String borrower, String caseId, int n, LocalDate first) {
        return propose(Tokens.borrower(borrower), caseId,
                Map.of("kind", "INSTALLMENTS", "installments", n, "firstDueDate", first.toString()));
    }

    public static ValidatableResponse pay(String borrower, String caseId, String amount, String key) {
        return given().auth().oauth2(Tokens.borrower(borrower)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("amount", amount))
                .post("/api/debts/" + caseId + "/payments").then();
    }

    public static ValidatableResponse get(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/debts/" + caseId).then();
    }
}
