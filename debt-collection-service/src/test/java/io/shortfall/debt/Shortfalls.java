package io.shortfall.debt;

import io.shortfall.events.LiquidationEvents;
import io.shortfall.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What liquidation-service reports after a sale that left a shortfall, and waiting for the case it opens. */
public final class Shortfalls {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A shortfall of {@code amount} USDT on a fresh liquidation of a fresh loan. */
    public static LiquidationEvents.NegativeBalanceRecorded of(String borrower, String amount, String recourse) {
        return new LiquidationEvents.NegativeBalanceRecorded(UUID.randomUUID(), UUID.randomUUID(), borrower,
                new BigDecimal(amount), "USDT", recourse);
    }

    /** The same liquidation's receipt: 2 ETH sold at 1900 against a debt of 3800 + the shortfall. */
    public static LiquidationEvents.LiquidationCompleted receiptOf(LiquidationEvents.NegativeBalanceRecorded balance) {
        BigDecimal covered = new BigDecimal("3800.00");
        return new LiquidationEvents.LiquidationCompleted(balance.liquidationId(), balance.loanId(),
                balance.borrowerId(), "ETH", "FULL", new BigDecimal("2.00000000"), new BigDecimal("2300.00000000"),
                covered, new BigDecimal("0.00"), covered, new BigDecimal("0.00"), covered.add(balance.amount()),
                covered, new BigDecimal("0.00"), balance.amount(),
                List.of(new LiquidationEvents.Fill(Instant.parse("2026-11-20T10:15:30Z"), new BigDecimal("2.00000000"),
                        new BigDecimal("1900.00000000"), new BigDecimal("2300.00000000"), "liq-1")));
    }

    /** Waits until {@code borrower} sees the case of {@code liquidationId} in their list; returns its id. */
    public static String awaitCase(String borrower, UUID liquidationId) {
        String token = Tokens.borrower(borrower);
        return await().atMost(PATIENCE).until(() -> given().auth().oauth2(token).get("/api/debts?size=100").then()
                .statusCode(200).extract().jsonPath()
                .<String>getList("findAll { it.liquidationId == '" + liquidationId + "' }.id"), ids -> ids.size() == 1)
                .get(0);
    }

    private Shortfalls() {
    }
}
