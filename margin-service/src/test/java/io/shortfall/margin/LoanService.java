package io.shortfall.margin;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.MarginEvents;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.testing.KafkaProbe;
import io.shortfall.testing.Tokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Plays loan-service and the price feeds on the real broker, and waits until margin-service took it in. */
public final class LoanService {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"),
            new BigDecimal("0.80"), new BigDecimal("0.8333"));

    private final KafkaProbe kafka = KafkaProbe.ofTestApplication();

    /** Publishes LoanOpened as loan-service would (loan version 0) and waits for the position. */
    public UUID opens(String borrower, String asset, String collateral, String principal, boolean autoIncrease) {
        UUID loan = UUID.randomUUID();
        kafka.publish(Topics.LOAN_EVENTS, new LoanEvents.LoanOpened(loan, borrower, asset, new BigDecimal(collateral),
                new BigDecimal(principal), "USDT", new BigDecimal("0.12"), DEFAULTS, autoIncrease, Instant.now(), 0),
                "loan-service");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .get("/api/positions/" + loan).then().statusCode(200));
        return loan;
    }


    /** A feed's tick; returns its envelope (to deliver it again). */
    public EventEnvelope tick(String asset, String price, Instant observedAt) {
        return tick(asset, price, observedAt, "feed");
    }

    /** A tick from the named source. */
    public EventEnvelope tick(String asset, String price, Instant observedAt, String source) {
        return kafka.publish(Topics.MARKET_PRICES, new PriceTick(asset, new BigDecimal(price), source, observedAt),
                source);
    }

    /** A tick from the named source, waited for until margin-service shows it as the asset's latest price. */
    public EventEnvelope tickApplied(String asset, String price, Instant observedAt, String source) {
        EventEnvelope envelope = tick(asset, price, observedAt, source);
        awaitLatest(asset, price);
        return envelope;
    }

    /** A feed's tick, waited for until margin-service shows it as the asset's latest price. */
    public EventEnvelope tickApplied(String asset, String price, Instant observedAt) {
        EventEnvelope envelope = tick(asset, price, observedAt);
        awaitLatest(asset, price);
        return envelope;
    }

    /**
     * Waits until every margin event of the transactions margin-service has committed so far is on
     * {@code margin.events}: the outbox relay publishes up to 100 ms after a commit, in commit order, one batch
     * after the other. So a fresh sentinel loan on XLM (a test-profile asset used for nothing else) is ticked
     * into ORANGE, and its ZoneChanged, committed after everything before it, is waited for. Call it once what
     * must have been applied was seen applied (e.g. {@link #tickApplied}), before asserting that an event did
     * NOT come.
     */
    public void awaitMarginEventsRelayed() {
        UUID sentinel = opens("sentinel", "XLM", "1", "75.00", false);
        tick("XLM", "100", Instant.now());                                     // 0.75: ORANGE
        await().atMost(PATIENCE).until(() -> !kafka.payloads(Topics.MARGIN_EVENTS, MarginEvents.ZoneChanged.class,
                z -> z.loanId().equals(sentinel)).isEmpty());
    }

    /**
     * Waits until margin-service shows {@code price} as the asset's latest price and has decided every loan it
     * reached ({@code decidedThrough} is its {@code observedAt}).
     */
    public static void awaitLatest(String asset, String price) {
        String shown = new BigDecimal(price).setScale(8).toPlainString();
        String entry = "find { it.asset == '" + asset + "' }";
        await().atMost(PATIENCE).untilAsserted(() -> {
            var body = given().auth().oauth2(Tokens.agent()).get("/api/prices").then().statusCode(200)
                    .body(entry + ".price", equalTo(shown)).extract().jsonPath();
            org.assertj.core.api.Assertions.assertThat(body.getString(entry + ".decidedThrough"))
                    .as("decided through the latest price of %s", asset)
                    .isNotNull()
                    .satisfies(through -> org.assertj.core.api.Assertions.assertThat(Instant.parse(through))
                            .isEqualTo(Instant.parse(body.getString(entry + ".observedAt"))));
        });
    }

    public KafkaProbe kafka() {
        return kafka;
    }
}
