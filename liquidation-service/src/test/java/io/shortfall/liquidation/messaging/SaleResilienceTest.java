package io.shortfall.liquidation.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.liquidation.Liquidation;
import io.shortfall.liquidation.domain.LiquidationIds;
import io.shortfall.liquidation.domain.LiquidationStatus;
import io.shortfall.liquidation.service.LiquidationService;
import io.shortfall.liquidation.service.SaleWorker;
import io.shortfall.liquidation.venue.SimulatedOrderBook;
import io.shortfall.liquidation.venue.SimulatedOrderBook.Fault;
import io.shortfall.liquidation.venue.VenueFill;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Metrics;
import io.shortfall.testing.Tokens;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * PARTIAL sales, and the sale's resilience on the real broker and database: a venue that times out or fails
 * mid-sale, a process stopped mid-sale, a liquidation that cannot finish, and the cap's queue. Each ends with the
 * collateral sold exactly once (the venue's own count per client order id) and one result event.
 * Test settings: 4 slices, venue timeout 0.3 s, backoff 0.1 s doubled up to 0.5 s, STUCK after 4 failures,
 * NEAR capped at 1000 of debt in liquidation; books not configured (LINK, DOT, XRP, NEAR, ATOM) are depth 100, impact 0.10.
 */
@QuarkusTest
class SaleResilienceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    @Inject
    SimulatedOrderBook venue;

    @Inject
    SaleWorker worker;

    @Inject
    Vertx vertx;

    @Inject
    LiquidationService service;

    private static LoanEvents.LiquidationStarted started(UUID loan, String asset, String collateral, String principal,
                                                         String interest, String reference, String ltv,
                                                         String policy, long version) {
        return new LoanEvents.LiquidationStarted(loan, "frank", asset, new BigDecimal(collateral),
                new BigDecimal(principal), new BigDecimal(interest), new BigDecimal(reference), Instant.now(),
                new BigDecimal(ltv), policy, "RECOURSE", Thresholds.DEFAULTS, version);
    }

    private List<LiquidationEvents.LiquidationCompleted> completed(UUID loan) {
        return kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.LiquidationCompleted.class,
                c -> c.loanId().equals(loan));
    }

    /** Each of the sale's orders was executed once at the venue, and together they sold {@code quantity}. */
    private void soldExactlyOnce(UUID liquidationId, String quantity) {
        for (int n = 1; n <= 4; n++) {
            assertThat(venue.executions(LiquidationIds.clientOrderId(liquidationId, n))).as("order %d", n).isOne();
        }
        assertThat(venue.soldUnder(liquidationId.toString())).isEqualByComparingTo(quantity);
    }

    /** A later lock of the same loan (same partition) sold: everything before it has been consumed and sold. */
    private void drain(UUID loan, String asset, long version) {
        kafka.publish(Topics.LOAN_EVENTS, started(loan, asset, "1", "1.00", "0.00", "20", "0.90", "FULL", version),
                "loan-service");
        UUID later = LiquidationIds.of(loan, version);
        await().atMost(PATIENCE).until(() -> completed(loan).stream().anyMatch(c -> c.liquidationId().equals(later)));
    }

    @Test
    void aPartialSaleSellsJustEnoughToGetBackToTheInitialLtvAndLeavesNoShortfall() {
        UUID loan = UUID.randomUUID();
        // 10 ETH at 2900 against 24200.00 (LTV 83.45%): sell (24200 − 0.65 × 29000) / (2842 − 1885) = 5.59038663.
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "ETH", "10", "24000.00", "200.00", "2900", "0.8345", "PARTIAL", 4), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        var receipt = completed(loan).get(0);
        assertThat(receipt.policy()).isEqualTo("PARTIAL");
        assertThat(receipt.collateralSold()).isEqualByComparingTo("5.59038663");
        assertThat(receipt.fills()).hasSize(4);
        assertThat(receipt.fills().stream().map(LiquidationEvents.Fill::quantity).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("5.59038663");
        assertThat(receipt.debt()).hasToString("24200.00");
        assertThat(receipt.debtCovered()).isEqualTo(receipt.gross());
        assertThat(receipt.gross()).isLessThan(receipt.debt());
        assertThat(receipt.fee()).hasToString("0.00");
        assertThat(receipt.surplus()).hasToString("0.00");
        assertThat(receipt.shortfall()).hasToString("0.00");
        // back to the initial LTV at the reference price: debt left / collateral left ≤ 0.65
        BigDecimal debtLeft = receipt.debt().subtract(receipt.debtCovered());
        BigDecimal collateralLeft = new BigDecimal("10").subtract(receipt.collateralSold()).multiply(
                new BigDecimal("2900"));
        assertThat(debtLeft).isLessThanOrEqualTo(new BigDecimal("0.65").multiply(collateralLeft));
        assertThat(kafka.payloads(Topics.LIQUIDATION_EVENTS, LiquidationEvents.NegativeBalanceRecorded.class,
                n -> n.loanId().equals(loan))).isEmpty();

        given().auth().oauth2(Tokens.borrower("frank")).get("/api/liquidations/" + receipt.liquidationId())
                .then().statusCode(200)
                .body("policy", equalTo("PARTIAL"))
                .body("requestedPolicy", equalTo("PARTIAL"))
                .body("planReason", equalTo("BACK_TO_INITIAL_LTV"))
                .body("collateralLocked", equalTo("10.00000000"))
                .body("collateralSold", equalTo("5.59038663"))
                .body("shortfall", equalTo("0.00"))
                .body("debtLeft", equalTo(debtLeft.toPlainString()));
    }

    @Test
    void aPartialAssetDeepUnderwaterIsSoldWholeByTheDustRules() {
        UUID loan = UUID.randomUUID();
        // LTV 95% ≥ 0.8333 / 0.95: everything
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "ETH", "2", "4370.00", "0.00", "2300", "0.95", "PARTIAL", 1), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).singleElement().satisfies(c -> {
            assertThat(c.policy()).isEqualTo("FULL");
            assertThat(c.collateralSold()).isEqualByComparingTo("2");
        }));
    }

    @Test
    void aWalkedBookFillsEachSliceLowerAndTheReceiptShowsItsSlippage() {
        UUID loan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "ATOM", "4", "30.00", "0.00", "10", "0.90", "FULL", 1), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        var receipt = completed(loan).get(0);
        // 10 × (1 − 0.10 × taken / 100) with taken = 1, 2, 3, 4
        assertThat(receipt.fills()).extracting(LiquidationEvents.Fill::price).usingElementComparator(
                BigDecimal::compareTo).containsExactly(new BigDecimal("9.99"), new BigDecimal("9.98"),
                new BigDecimal("9.97"), new BigDecimal("9.96"));
        assertThat(receipt.gross()).hasToString("39.90");
        given().auth().oauth2(Tokens.borrower("frank")).get("/api/liquidations/" + receipt.liquidationId())
                .then().statusCode(200)
                .body("fills.slippage", equalTo(List.of("0.001000", "0.002000", "0.003000", "0.004000")));
    }

    @Test
    void aVenueTimeoutAndAFailureMidSaleAreRetriedUnderTheSameOrderIdAndNothingIsSoldTwice() {
        UUID loan = UUID.randomUUID();
        UUID id = LiquidationIds.of(loan, 3);
        // slice 1 fills; slice 2 is executed but its answer never comes; its retry is rejected; the next retry
        // gets the fill the venue already made
        venue.script("LINK", Fault.NONE, Fault.TIMEOUT, Fault.REJECT);
        EventEnvelope lock = kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "LINK", "4", "30.00", "0.00", "15", "0.90", "FULL", 3), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        var receipt = completed(loan).get(0);
        assertThat(receipt.liquidationId()).isEqualTo(id);
        soldExactlyOnce(id, "4");
        VenueFill second = venue.fill("LINK", BigDecimal.ONE, LiquidationIds.clientOrderId(id, 2), BigDecimal.TEN);
        assertThat(receipt.fills().get(1).at()).isEqualTo(second.at());
        assertThat(receipt.fills().get(1).price()).isEqualByComparingTo(second.price());
        assertThat(receipt.collateralSold()).isEqualByComparingTo("4");

        // delivered again: nothing more is sold, no second result
        kafka.republish(Topics.LOAN_EVENTS, lock);
        drain(loan, "LINK", 4);
        assertThat(completed(loan)).filteredOn(c -> c.liquidationId().equals(id)).hasSize(1);
        soldExactlyOnce(id, "4");
    }

    @Test
    void aSellerHoldingAStaleCopyDoesNotSettleASaleAnotherInstanceSettled() throws Exception {
        UUID loan = UUID.randomUUID();
        UUID id = LiquidationIds.of(loan, 1);
        worker.pause();
        try {
            kafka.publish(Topics.LOAN_EVENTS,
                    started(loan, "ADA", "4", "10.00", "0.00", "5", "0.90", "FULL", 1), "loan-service");
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                    .get("/api/liquidations/" + id).then().statusCode(200).body("status", equalTo("QUEUED")));
            onVertx(() -> Panache.withTransaction(() -> Liquidation.update(
                    "status = ?1, nextAttemptAt = ?2 where id = ?3", LiquidationStatus.SELLING, Instant.now(), id)));
            // this seller loaded the sale SELLING; then another instance settled it (its row says COMPLETED);
            // with no fill recorded, settling the stale copy would fail ("the venue filled 0 of 4")
            String status = onVertx(() -> Panache.withSession(() -> Liquidation.<Liquidation>findById(id)
                    .chain(stale -> Panache.withTransaction(() -> Liquidation.update("status = ?1, "
                            + "collateralSold = collateralToSell, gross = 0, fee = 0, surplus = 0, shortfall = debt, "
                            + "debtCovered = 0, completedAt = ?2 where id = ?3", LiquidationStatus.COMPLETED,
                            Instant.now(), id)))
                    .chain(() -> Panache.withTransaction(() -> service.complete(id)))
                    .chain(() -> Liquidation.<Liquidation>findById(id)).map(l -> l.status.name())));
            assertThat(status).isEqualTo("COMPLETED");
            assertThat(completed(loan)).isEmpty();
            // put back as it was, and let this instance sell it for real: settled once
            onVertx(() -> Panache.withTransaction(() -> Liquidation.update("status = ?1, collateralSold = null, "
                    + "gross = null, fee = null, surplus = null, shortfall = null, debtCovered = null, "
                    + "completedAt = null where id = ?2", LiquidationStatus.SELLING, id)));
        } finally {
            worker.resume();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        soldExactlyOnce(id, "4");
    }

    /** Runs {@code work} as the service would: on a safe Vert.x context, where Hibernate Reactive may be used. */
    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().<T>deferred(work::get).subscribe()
                .with(result::complete, result::completeExceptionally));
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSaleStoppedMidwayIsResumedFromTheDatabaseAndSellsEachSliceOnce() throws Exception {
        UUID loan = UUID.randomUUID();
        UUID id = LiquidationIds.of(loan, 2);
        worker.pause();
        VenueFill first;
        VenueFill second;
        try {
            kafka.publish(Topics.LOAN_EVENTS,
                    started(loan, "DOT", "4", "10.00", "0.00", "5", "0.90", "FULL", 2), "loan-service");
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                    .get("/api/liquidations/" + id).then().statusCode(200).body("status", equalTo("QUEUED")));
            // the stopped process had sent two slices to the venue, and recorded neither
            first = onVertx(() -> venue.sell("DOT", BigDecimal.ONE, LiquidationIds.clientOrderId(id, 1),
                    new BigDecimal("5")));
            second = onVertx(() -> venue.sell("DOT", BigDecimal.ONE, LiquidationIds.clientOrderId(id, 2),
                    new BigDecimal("5")));
            // and this service restarts: what it remembered in memory is gone (the venue's own record is not)
            venue.forget();
        } finally {
            worker.resume();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        var receipt = completed(loan).get(0);
        soldExactlyOnce(id, "4");
        assertThat(receipt.fills()).hasSize(4);
        assertThat(receipt.fills().get(0).at()).isEqualTo(first.at());
        assertThat(receipt.fills().get(1).at()).isEqualTo(second.at());
        assertThat(receipt.fills().get(1).price()).isEqualByComparingTo(second.price());
        drain(loan, "DOT", 3);
        assertThat(completed(loan)).filteredOn(c -> c.liquidationId().equals(id)).hasSize(1);
    }

    @Test
    void aLiquidationTheVenueKeepsRefusingIsStuckForOperatorsWhoRetryIt() {
        UUID loan = UUID.randomUUID();
        UUID id = LiquidationIds.of(loan, 1);
        venue.script("XRP", Fault.REJECT, Fault.REJECT, Fault.REJECT, Fault.REJECT);
        kafka.publish(Topics.LOAN_EVENTS,
                started(loan, "XRP", "400", "150.00", "0.00", "0.5", "0.90", "FULL", 1), "loan-service");

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator()).get("/api/queue?status=STUCK&asset=XRP&size=100")
                .then().statusCode(200)
                .body("find { it.id == '" + id + "' }.attempts", equalTo(4))
                .body("find { it.id == '" + id + "' }.lastError", equalTo(
                        LiquidationIds.clientOrderId(id, 1) + ": order " + LiquidationIds.clientOrderId(id, 1)
                                + " rejected")));
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations?status=STUCK").then().statusCode(200)
                .body("id", hasItem(id.toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Metrics.value("shortfall_liquidations_stuck", "asset", "XRP")).isEqualByComparingTo("1"));
        assertThat(completed(loan)).isEmpty();
        assertThat(venue.executions(LiquidationIds.clientOrderId(id, 1))).isZero();

        given().auth().oauth2(Tokens.borrower("frank")).post("/api/liquidations/" + id + "/retry").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.operator()).post("/api/liquidations/" + id + "/retry").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(completed(loan)).hasSize(1));
        soldExactlyOnce(id, "400");
        given().auth().oauth2(Tokens.operator()).post("/api/liquidations/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).get("/api/queue?status=STUCK&asset=XRP&size=100").then().statusCode(200)
                .body("id", not(hasItem(id.toString())));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Metrics.value("shortfall_liquidations_stuck", "asset", "XRP")).isEqualByComparingTo("0"));
    }

    @Test
    void overTheCapLiquidationsWaitAndAreSoldWorstLtvFirst() {
        UUID mild = UUID.randomUUID();
        UUID worst = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        worker.pause();
        try {
            // 600 of debt each under NEAR's cap of 1000: one at a time
            kafka.publish(Topics.LOAN_EVENTS,
                    started(mild, "NEAR", "1000", "600.00", "0.00", "0.7", "0.86", "FULL", 1), "loan-service");
            kafka.publish(Topics.LOAN_EVENTS,
                    started(worst, "NEAR", "1000", "600.00", "0.00", "0.7", "0.97", "FULL", 1), "loan-service");
            kafka.publish(Topics.LOAN_EVENTS,
                    started(bad, "NEAR", "1000", "600.00", "0.00", "0.7", "0.91", "FULL", 1), "loan-service");
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator()).get("/api/queue?status=QUEUED&asset=NEAR")
                    .then().statusCode(200)
                    .body("loanId", equalTo(List.of(worst.toString(), bad.toString(), mild.toString())))
                    .body("position", equalTo(List.of(1, 2, 3))));
            // one page at a time, positions kept
            given().auth().oauth2(Tokens.operator()).get("/api/queue?status=QUEUED&asset=NEAR&size=2").then()
                    .statusCode(200).body("loanId", equalTo(List.of(worst.toString(), bad.toString())));
            given().auth().oauth2(Tokens.operator()).get("/api/queue?status=QUEUED&asset=NEAR&size=2&page=1").then()
                    .statusCode(200).body("loanId", equalTo(List.of(mild.toString())))
                    .body("position", equalTo(List.of(3)));
            given().auth().oauth2(Tokens.operator()).get("/api/queue?asset=NEAR&size=1&page=1").then()
                    .statusCode(200).body("loanId", equalTo(List.of(bad.toString())))
                    .body("position", equalTo(List.of(2)));
            given().auth().oauth2(Tokens.operator()).get("/api/queue/caps").then().statusCode(200)
                    .body("find { it.asset == 'NEAR' }.cap", equalTo("1000.00"))
                    .body("find { it.asset == 'NEAR' }.waiting", equalTo(3));
            for (String bad2 : List.of("size=0", "size=101", "page=-1", "status=COMPLETED")) {
                given().auth().oauth2(Tokens.operator()).get("/api/queue?" + bad2).then().statusCode(400)
                        .contentType("application/problem+json");
            }
            given().auth().oauth2(Tokens.borrower("frank")).get("/api/queue/caps").then().statusCode(403);
            given().auth().oauth2(Tokens.borrower("frank")).get("/api/queue").then().statusCode(403);
            // the worst one's first slice times out 3 times (4 allowed): it holds the cap while the others wait
            venue.script("NEAR", Fault.TIMEOUT, Fault.TIMEOUT, Fault.TIMEOUT);
        } finally {
            worker.resume();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator()).get("/api/queue?asset=NEAR")
                .then().statusCode(200)
                .body("findAll { it.status == 'SELLING' }.loanId", equalTo(List.of(worst.toString())))
                .body("findAll { it.status == 'QUEUED' }.loanId", equalTo(List.of(bad.toString(), mild.toString())))
                .body("findAll { it.status == 'QUEUED' }.position", equalTo(List.of(1, 2))));
        given().auth().oauth2(Tokens.operator()).get("/api/queue/caps").then().statusCode(200)
                .body("find { it.asset == 'NEAR' }.inLiquidation", equalTo("600.00"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(completed(worst)).hasSize(1);
            assertThat(completed(bad)).hasSize(1);
            assertThat(completed(mild)).hasSize(1);
        });
        Instant worstDone = completedAt(worst);
        Instant badDone = completedAt(bad);
        Instant mildDone = completedAt(mild);
        assertThat(worstDone).isBefore(badDone);
        assertThat(badDone).isBefore(mildDone);
        soldExactlyOnce(LiquidationIds.of(worst, 1), "1000");
    }

    @Test
    void aStuckSaleKeepsItsDebtUnderTheCapUntilAnOperatorRetriesIt() {
        UUID stuckLoan = UUID.randomUUID();
        UUID waitingLoan = UUID.randomUUID();
        UUID stuck = LiquidationIds.of(stuckLoan, 1);
        UUID waiting = LiquidationIds.of(waitingLoan, 1);
        venue.script("NEAR", Fault.REJECT, Fault.REJECT, Fault.REJECT, Fault.REJECT);
        kafka.publish(Topics.LOAN_EVENTS,
                started(stuckLoan, "NEAR", "1000", "600.00", "0.00", "0.7", "0.86", "FULL", 1), "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator()).get("/api/queue?status=STUCK&size=100")
                .then().statusCode(200)
                .body("id", hasItem(stuck.toString())));
        given().auth().oauth2(Tokens.operator()).get("/api/queue/caps").then().statusCode(200)
                .body("find { it.asset == 'NEAR' }.inLiquidation", equalTo("600.00"));

        // 600 stuck + 600 > NEAR's cap of 1000: the next one waits, worse LTV or not
        kafka.publish(Topics.LOAN_EVENTS,
                started(waitingLoan, "NEAR", "1000", "600.00", "0.00", "0.7", "0.97", "FULL", 1), "loan-service");
        // a later lock of the same loan (same partition) on another asset is sold: admission rounds have run
        // since the NEAR one was recorded, and kept it waiting
        drain(waitingLoan, "XRP", 2);
        given().auth().oauth2(Tokens.operator()).get("/api/liquidations/" + waiting).then().statusCode(200)
                .body("status", equalTo("QUEUED"));
        given().auth().oauth2(Tokens.operator()).get("/api/queue?status=QUEUED&asset=NEAR").then().statusCode(200)
                .body("id", hasItem(waiting.toString()));

        given().auth().oauth2(Tokens.operator()).post("/api/liquidations/" + stuck + "/retry").then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(completed(stuckLoan)).hasSize(1);
            assertThat(completed(waitingLoan)).anyMatch(c -> c.liquidationId().equals(waiting));
        });
        soldExactlyOnce(stuck, "1000");
        soldExactlyOnce(waiting, "1000");
    }

    private Instant completedAt(UUID loan) {
        String at = given().auth().oauth2(Tokens.operator()).get("/api/liquidations?loanId=" + loan).then()
                .statusCode(200).extract().path("[0].completedAt");
        return Instant.parse(at);
    }
}
