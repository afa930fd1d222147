package io.shortfall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.client.loan.ApiException;
import io.shortfall.client.loan.api.LoansApi;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.client.loan.model.OpenLoanRequest;
import io.shortfall.client.margin.api.PricesApi;
import io.shortfall.client.margin.model.PriceRequest;
import io.shortfall.client.margin.model.PriceView;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A market crash played against a running suite through its public APIs, as its users would: an operator
 * posts prices, alice and bob borrow, BTC gaps down through alice's liquidation price, and the suite
 * carries it to a sale, a shortfall, a debt case and alice's inbox. Each step waits for what a client
 * would see and tells it to {@code narrator}.
 */
public final class CrashScenario {

    /** What the crash left behind, for the caller to show or check. */
    public record Outcome(String aliceLoanId, String bobLoanId, JsonNode aliceLoan, JsonNode bobLoan,
                          JsonNode receipt, JsonNode debtCase, List<String> aliceEmails,
                          List<JsonNode> alicePositions, OtherRules otherRules) {
    }

    /**
     * The same kind of fall under the suite's other terms: carol's ETH loan sold in part ({@code PARTIAL}), dave's
     * SOL loan sold whole without recourse, its shortfall drawn from the insurance fund.
     */
    public record OtherRules(String carolLoanId, JsonNode carolLoan, JsonNode carolReceipt, String daveLoanId,
                             JsonNode daveLoan, JsonNode daveReceipt, JsonNode insuranceFund, JsonNode daveDebts) {
    }

    public static final String LOAN = "loan-service";
    public static final String MARGIN = "margin-service";
    public static final String LIQUIDATION = "liquidation-service";
    public static final String DEBT = "debt-collection-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String ALICE_EMAIL = "alice@example.com";

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final Api api;
    private final Consumer<String> narrator;

    public CrashScenario(Api api, Consumer<String> narrator) {
        this.api = api;
        this.narrator = narrator;
    }

    public Outcome play() {
        String ops = api.token("ops", "ops");
        String alice = api.token("alice", "alice");
        String bob = api.token("bob", "bob");
        int emailsBefore = api.mailbox(ALICE_EMAIL).size();

        step("1. The market: an operator posts BTC at 60,000 and ETH at 3,000 USDT");
        tick(ops, "BTC", "60000");
        tick(ops, "ETH", "3000");
        awaitUntil("loan-service knows both prices", () -> {
            JsonNode assets = api.get(LOAN, "/api/assets", alice).expect(200).body();
            return price(assets, "BTC").equals("60000.00000000") && price(assets, "ETH").equals("3000.00000000");
        });

        step("2. Borrowers open loans at the latest price");
        // Through the Java client generated from loan-service's OpenAPI document (module api-clients).
        var aliceLoan = openLoan(alice, new OpenLoanRequest().collateralAsset("BTC").collateralAmount(BigDecimal.ONE)
                .principal(new BigDecimal("39000")).autoIncrease(false));
        String aliceLoanId = aliceLoan.getId().toString();
        say("   alice borrows %s USDT against %s BTC: LTV %s, margin call at %s, liquidation at %s",
                aliceLoan.getPrincipal().toPlainString(), aliceLoan.getCollateralAmount().toPlainString(),
                aliceLoan.getLtv().toPlainString(), aliceLoan.getMarginCallPrice().toPlainString(),
                aliceLoan.getLiquidationPrice().toPlainString());
        var bobLoan = openLoan(bob, new OpenLoanRequest().collateralAsset("ETH").collateralAmount(BigDecimal.TEN)
                .principal(new BigDecimal("15000")));
        String bobLoanId = bobLoan.getId().toString();
        say("   bob borrows %s USDT against %s ETH: LTV %s", bobLoan.getPrincipal().toPlainString(),
                bobLoan.getCollateralAmount().toPlainString(), bobLoan.getLtv().toPlainString());
        awaitUntil("margin-service watches alice's loan",
                () -> api.get(MARGIN, "/api/positions/" + aliceLoanId, alice).status() == 200);

        step("3. BTC crashes: 52,000, then 48,000, then a gap down to 33,000");
        List<JsonNode> positions = new ArrayList<>();
        for (String price : List.of("52000", "48000", "33000")) {
            tick(ops, "BTC", price);
            // A position shows the latest price at once and the zone once margin-service has decided at that price.
            awaitUntil("margin-service decides every BTC position at " + price, () -> decided(ops, "BTC", price));
            JsonNode position = awaitValue("margin-service applies BTC " + price, () -> {
                JsonNode p = api.get(MARGIN, "/api/positions/" + aliceLoanId, alice).expect(200).body();
                return new BigDecimal(p.path("price").asText("0")).compareTo(new BigDecimal(price)) == 0 ? p : null;
            });
            positions.add(position);
            say("   BTC %s: alice's LTV %s, zone %s", price, position.get("ltv").asText(),
                    position.get("zone").asText());
        }

        step("4. loan-service locks alice's loan; liquidation-service sells the collateral");
        JsonNode closed = awaitValue("alice's loan is liquidated", () -> {
            JsonNode loan = api.get(LOAN, "/api/loans/" + aliceLoanId, alice).expect(200).body();
            return "LIQUIDATED".equals(loan.get("status").asText()) ? loan : null;
        });
        JsonNode receipt = awaitValue("alice's liquidation receipt", () -> {
            JsonNode list = api.get(LIQUIDATION, "/api/liquidations?loanId=" + aliceLoanId, alice).expect(200).body();
            return list.size() == 1 ? api.get(LIQUIDATION, "/api/liquidations/" + list.get(0).get("id").asText(),
                    alice).expect(200).body() : null;
        });
        for (JsonNode fill : receipt.get("fills")) {
            say("   sold %s BTC at %s (reference %s)", fill.get("quantity").asText(), fill.get("price").asText(),
                    fill.get("referencePrice").asText());
        }
        say("   gross %s, fee %s, debt %s: surplus %s, shortfall %s", receipt.get("gross").asText(),
                receipt.get("fee").asText(), receipt.get("debt").asText(), receipt.get("surplus").asText(),
                receipt.get("shortfall").asText());

        step("5. debt-collection-service opens alice's case for the shortfall");
        String liquidationId = receipt.get("id").asText();
        JsonNode debtCase = awaitValue("alice's debt case", () -> {
            for (JsonNode c : api.get(DEBT, "/api/debts", alice).expect(200).body()) {
                if (liquidationId.equals(c.get("liquidationId").asText())) {
                    return api.get(DEBT, "/api/debts/" + c.get("id").asText(), alice).expect(200).body();
                }
            }
            return null;
        });
        say("   case %s: %s %s outstanding, status %s", debtCase.get("id").asText(),
                debtCase.get("outstanding").asText(), debtCase.get("currency").asText(),
                debtCase.get("status").asText());
        for (JsonNode offer : debtCase.get("offers")) {
            JsonNode schedule = offer.has("schedule") ? offer.get("schedule") : offer.path("terms").path("schedule");
            say("   offer %s: %d payment(s), first %s due %s", offer.path("kind").asText(),
                    schedule.size(), schedule.path(0).path("amount").asText(), schedule.path(0).path("dueDate").asText());
        }

        step("6. notification-service emails alice");
        List<String> subjects = awaitValue("alice's emails", () -> {
            List<String> all = subjects(api.mailbox(ALICE_EMAIL));
            List<String> fresh = all.subList(Math.min(emailsBefore, all.size()), all.size());
            boolean complete = fresh.stream().anyMatch(s -> s.toLowerCase().contains("margin call"))
                    && fresh.stream().anyMatch(s -> s.toLowerCase().contains("receipt"))
                    && fresh.stream().anyMatch(s -> s.toLowerCase().contains("you owe"));
            return complete ? fresh : null;
        });
        subjects.forEach(s -> say("   \u2709 %s", s));

        step("7. bob's ETH loan was never at risk");
        JsonNode bobNow = api.get(LOAN, "/api/loans/" + bobLoanId, bob).expect(200).body();
        say("   bob's loan: %s, zone %s, LTV %s", bobNow.get("status").asText(), bobNow.get("zone").asText(),
                bobNow.get("ltv").asText());

        OtherRules otherRules = otherRules(ops);
        return new Outcome(aliceLoanId, bobLoanId, closed, bobNow, receipt, debtCase, subjects, positions, otherRules);
    }

    /** Opens a loan through the generated client, as a borrower's app would, with a fresh Idempotency-Key. */
    private LoanView openLoan(String token, OpenLoanRequest request) {
        try {
            return new LoansApi(new Clients(api.endpoints(), token).loan()).openLoan(request, Clients.key());
        } catch (ApiException e) {
            throw new IllegalStateException("opening a loan answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    /** Carol's ETH loan (PARTIAL) and dave's SOL loan (without recourse) through a fall of their own assets. */
    private OtherRules otherRules(String ops) {
        String carol = api.token("carol", "carol");
        String dave = api.token("dave", "dave");
        step("8. The suite's other terms: ETH is sold in part, SOL without recourse");
        tick(ops, "SOL", "150");
        awaitUntil("loan-service knows SOL at 150", () -> price(api.get(LOAN, "/api/assets", carol).expect(200).body(),
                "SOL").equals("150.00000000"));
        JsonNode carolLoan = api.post(LOAN, "/api/loans", carol, Map.of("collateralAsset", "ETH",
                "collateralAmount", "2", "principal", "3900")).expect(201).body();
        String carolLoanId = carolLoan.get("id").asText();
        say("   carol borrows %s USDT against %s ETH (sold in part if liquidated): LTV %s",
                carolLoan.get("principal").asText(), carolLoan.get("collateralAmount").asText(),
                carolLoan.get("ltv").asText());
        JsonNode daveLoan = api.post(LOAN, "/api/loans", dave, Map.of("collateralAsset", "SOL",
                "collateralAmount", "10", "principal", "975")).expect(201).body();
        String daveLoanId = daveLoan.get("id").asText();
        say("   dave borrows %s USDT against %s SOL (without recourse): LTV %s", daveLoan.get("principal").asText(),
                daveLoan.get("collateralAmount").asText(), daveLoan.get("ltv").asText());
        awaitUntil("margin-service watches both loans",
                () -> api.get(MARGIN, "/api/positions/" + carolLoanId, carol).status() == 200
                        && api.get(MARGIN, "/api/positions/" + daveLoanId, dave).status() == 200);

        tick(ops, "ETH", "2300");
        tick(ops, "SOL", "80");
        say("   ETH falls to 2,300 and SOL to 80");
        JsonNode carolReceipt = completedSaleOf(carolLoanId, carol);
        JsonNode carolNow = awaitValue("carol's loan unlocked after its partial sale", () -> {
            JsonNode loan = api.get(LOAN, "/api/loans/" + carolLoanId, carol).expect(200).body();
            return "ACTIVE".equals(loan.get("status").asText())
                    && new BigDecimal(loan.get("collateralAmount").asText()).compareTo(new BigDecimal("2")) < 0
                    ? loan : null;
        });
        say("   carol: %s ETH sold (%s policy) covering %s USDT; the loan goes on with %s ETH owing %s, LTV %s",
                carolReceipt.get("collateralSold").asText(), carolReceipt.get("policy").asText(),
                carolReceipt.get("debtCovered").asText(), carolNow.get("collateralAmount").asText(),
                carolNow.get("debt").asText(),
                carolNow.get("ltv").asText());

        JsonNode daveReceipt = completedSaleOf(daveLoanId, dave);
        JsonNode daveNow = awaitValue("dave's loan closed", () -> {
            JsonNode loan = api.get(LOAN, "/api/loans/" + daveLoanId, dave).expect(200).body();
            return "LIQUIDATED".equals(loan.get("status").asText()) ? loan : null;
        });
        JsonNode fund = awaitValue("the insurance fund's draw for dave's loan", () -> {
            JsonNode view = api.get(LIQUIDATION, "/api/insurance-fund", ops).expect(200).body();
            for (JsonNode draw : view.get("draws")) {
                if (daveLoanId.equals(draw.get("loanId").asText())) {
                    return view;
                }
            }
            return null;
        });
        JsonNode daveDebts = api.get(DEBT, "/api/debts", dave).expect(200).body();
        say("   dave: %s SOL sold for %s, shortfall %s drawn from the insurance fund (balance now %s); dave owes "
                        + "nothing: %d debt case(s)", daveReceipt.get("collateralSold").asText(),
                daveReceipt.get("gross").asText(), daveReceipt.get("shortfall").asText(),
                fund.get("balance").asText(), daveDebts.size());
        return new OtherRules(carolLoanId, carolNow, carolReceipt, daveLoanId, daveNow, daveReceipt, fund, daveDebts);
    }

    /** The receipt of the one completed sale of {@code loanId}, as its borrower sees it. */
    private JsonNode completedSaleOf(String loanId, String token) {
        return awaitValue("the sale of loan " + loanId, () -> {
            JsonNode list = api.get(LIQUIDATION, "/api/liquidations?loanId=" + loanId, token).expect(200).body();
            if (list.size() != 1) {
                return null;
            }
            JsonNode sale = api.get(LIQUIDATION, "/api/liquidations/" + list.get(0).get("id").asText(), token)
                    .expect(200).body();
            return "COMPLETED".equals(sale.get("status").asText()) ? sale : null;
        });
    }

    public static List<String> subjects(JsonNode messages) {
        List<String> subjects = new ArrayList<>();
        messages.forEach(m -> subjects.add(m.path("subject").asText()));
        return subjects;
    }

    /** An operator's price tick, through the client generated from margin-service's OpenAPI document. */
    private void tick(String token, String asset, String price) {
        try {
            new PricesApi(new Clients(api.endpoints(), token).margin()).submitPrice(new PriceRequest().asset(asset)
                    .price(new BigDecimal(price)).source("demo"));
        } catch (io.shortfall.client.margin.ApiException e) {
            throw new IllegalStateException("a tick of " + asset + " answered " + e.getCode() + ": "
                    + e.getResponseBody(), e);
        }
    }

    /** Whether {@code asset}'s latest price is {@code price} and every position it reached is decided. */
    private boolean decided(String ops, String asset, String price) {
        List<PriceView> prices;
        try {
            prices = new PricesApi(new Clients(api.endpoints(), ops).margin()).listPrices();
        } catch (io.shortfall.client.margin.ApiException e) {
            throw new IllegalStateException("the prices answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
        for (PriceView p : prices) {
            if (asset.equals(p.getAsset())) {
                return p.getPrice().compareTo(new BigDecimal(price)) == 0 && p.getDecidedThrough() != null
                        && !p.getDecidedThrough().isBefore(p.getObservedAt());
            }
        }
        return false;
    }

    private static String price(JsonNode assets, String asset) {
        for (JsonNode a : assets) {
            if (asset.equals(a.get("asset").asText())) {
                return a.path("price").asText();
            }
        }
        return "";
    }

    private void step(String text) {
        narrator.accept("");
        narrator.accept(text);
    }

    private void say(String format, Object... args) {
        narrator.accept(String.format(format, args));
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(condition::get);
    }

    private static <T> T awaitValue(String what, Supplier<T> value) {
        List<T> holder = new ArrayList<>(1);
        await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            T v = value.get();
            if (v != null) {
                holder.add(v);
            }
            return v != null;
        });
        return holder.get(0);
    }
}
