package io.shortfall.e2e;

import io.shortfall.client.debt.api.DebtsApi;
import io.shortfall.client.debt.model.DebtCaseView;
import io.shortfall.client.debt.model.DebtSummaryView;
import io.shortfall.client.liquidation.api.InsuranceFundApi;
import io.shortfall.client.liquidation.api.LiquidationsApi;
import io.shortfall.client.liquidation.model.InsuranceFundView;
import io.shortfall.client.liquidation.model.LiquidationView;
import io.shortfall.client.loan.api.AssetsApi;
import io.shortfall.client.loan.api.LoansApi;
import io.shortfall.client.loan.model.AssetView;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.client.loan.model.OpenLoanRequest;
import io.shortfall.client.margin.api.PositionsApi;
import io.shortfall.client.margin.api.PricesApi;
import io.shortfall.client.margin.model.PositionView;
import io.shortfall.client.margin.model.PriceRequest;
import io.shortfall.client.margin.model.PriceView;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A market crash played against a running suite through its public APIs, as its users would: an operator
 * posts prices, alice and bob borrow, BTC gaps down through alice's liquidation price, and the suite
 * carries it to a sale, a shortfall, a debt case and alice's inbox. Each step waits for what a client
 * would see and tells it to {@code narrator}. Every call to a service goes through the Java clients generated from
 * the services' OpenAPI documents (module api-clients), as a client team's would; only Keycloak's token endpoint and
 * the mail server's API are called by hand.
 */
public final class CrashScenario {

    /** What the crash left behind, for the caller to show or check. */
    public record Outcome(UUID aliceLoanId, UUID bobLoanId, LoanView aliceLoan, LoanView bobLoan,
                          LiquidationView receipt, DebtCaseView debtCase, List<String> aliceEmails,
                          List<PositionView> alicePositions, OtherRules otherRules) {
    }

    /**
     * The same kind of fall under the suite's other terms: carol's ETH loan sold in part ({@code PARTIAL}), dave's
     * SOL loan sold whole without recourse, its shortfall drawn from the insurance fund.
     */
    public record OtherRules(UUID carolLoanId, LoanView carolLoan, LiquidationView carolReceipt, UUID daveLoanId,
                             LoanView daveLoan, LiquidationView daveReceipt, InsuranceFundView insuranceFund,
                             List<DebtSummaryView> daveDebts) {
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
        AssetsApi assets = new AssetsApi(clients(alice).loan());
        awaitUntil("loan-service knows both prices", () -> {
            List<AssetView> known = Call.of("the assets", assets::listAssets);
            return isPrice(known, "BTC", "60000") && isPrice(known, "ETH", "3000");
        });

        step("2. Borrowers open loans at the latest price");
        LoansApi aliceLoans = new LoansApi(clients(alice).loan());
        LoanView aliceLoan = openLoan("alice", aliceLoans, new OpenLoanRequest().collateralAsset("BTC")
                .collateralAmount(BigDecimal.ONE).principal(new BigDecimal("39000")).autoIncrease(false));
        UUID aliceLoanId = aliceLoan.getId();
        say("   alice borrows %s USDT against %s BTC: LTV %s, margin call at %s, liquidation at %s",
                aliceLoan.getPrincipal().toPlainString(), aliceLoan.getCollateralAmount().toPlainString(),
                aliceLoan.getLtv().toPlainString(), aliceLoan.getMarginCallPrice().toPlainString(),
                aliceLoan.getLiquidationPrice().toPlainString());
        LoansApi bobLoans = new LoansApi(clients(bob).loan());
        LoanView bobLoan = openLoan("bob", bobLoans, new OpenLoanRequest().collateralAsset("ETH")
                .collateralAmount(BigDecimal.TEN).principal(new BigDecimal("15000")));
        UUID bobLoanId = bobLoan.getId();
        say("   bob borrows %s USDT against %s ETH: LTV %s", bobLoan.getPrincipal().toPlainString(),
                bobLoan.getCollateralAmount().toPlainString(), bobLoan.getLtv().toPlainString());
        PositionsApi alicePositions = new PositionsApi(clients(alice).margin());
        awaitUntil("margin-service watches alice's loan",
                () -> Call.found("alice's position", () -> alicePositions.getPosition(aliceLoanId)));

        step("3. BTC crashes: 52,000, then 48,000, then a gap down to 33,000");
        List<PositionView> positions = new ArrayList<>();
        for (String price : List.of("52000", "48000", "33000")) {
            tick(ops, "BTC", price);
            // A position shows the latest price at once and the zone once margin-service has decided at that price.
            awaitUntil("margin-service decides every BTC position at " + price, () -> decided(ops, "BTC", price));
            PositionView position = awaitValue("margin-service applies BTC " + price, () -> {
                PositionView p = Call.of("alice's position", () -> alicePositions.getPosition(aliceLoanId));
                return p.getPrice() != null && p.getPrice().compareTo(new BigDecimal(price)) == 0 ? p : null;
            });
            positions.add(position);
            say("   BTC %s: alice's LTV %s, zone %s", price, position.getLtv().toPlainString(), position.getZone());
        }

        step("4. loan-service locks alice's loan; liquidation-service sells the collateral");
        LoanView closed = awaitValue("alice's loan is liquidated", () -> {
            LoanView loan = Call.of("alice's loan", () -> aliceLoans.getLoan(aliceLoanId));
            return "LIQUIDATED".equals(loan.getStatus()) ? loan : null;
        });
        LiquidationView receipt = completedSaleOf(aliceLoanId, alice);
        receipt.getFills().forEach(fill -> say("   sold %s BTC at %s (reference %s)",
                fill.getQuantity().toPlainString(), fill.getPrice().toPlainString(),
                fill.getReferencePrice().toPlainString()));
        say("   gross %s, fee %s, debt %s: surplus %s, shortfall %s", receipt.getGross().toPlainString(),
                receipt.getFee().toPlainString(), receipt.getDebt().toPlainString(),
                receipt.getSurplus().toPlainString(), receipt.getShortfall().toPlainString());

        step("5. debt-collection-service opens alice's case for the shortfall");
        DebtsApi aliceDebts = new DebtsApi(clients(alice).debt());
        DebtCaseView debtCase = awaitValue("alice's debt case", () -> {
            for (DebtSummaryView c : Call.of("alice's debts", () -> aliceDebts.listDebts(0, 100))) {
                if (receipt.getId().equals(c.getLiquidationId())) {
                    return Call.of("alice's case", () -> aliceDebts.getDebt(c.getId()));
                }
            }
            return null;
        });
        say("   case %s: %s %s outstanding, status %s", debtCase.getId(), debtCase.getOutstanding().toPlainString(),
                debtCase.getCurrency(), debtCase.getStatus());
        debtCase.getOffers().forEach(offer -> {
            var schedule = offer.getSchedule() == null
                    ? List.<io.shortfall.client.debt.model.ScheduledInstallment>of() : offer.getSchedule();
            say("   offer %s: %d payment(s), first %s due %s", offer.getKind(), schedule.size(),
                    schedule.isEmpty() ? "-" : schedule.get(0).getAmount().toPlainString(),
                    schedule.isEmpty() ? "-" : schedule.get(0).getDueDate());
        });

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
        LoanView bobNow = Call.of("bob's loan", () -> bobLoans.getLoan(bobLoanId));
        say("   bob's loan: %s, zone %s, LTV %s", bobNow.getStatus(), bobNow.getZone(),
                bobNow.getLtv().toPlainString());

        OtherRules otherRules = otherRules(ops);
        return new Outcome(aliceLoanId, bobLoanId, closed, bobNow, receipt, debtCase, subjects, positions, otherRules);
    }

    /** Opens a loan as a borrower's app would: through the generated client, with a fresh Idempotency-Key. */
    private static LoanView openLoan(String who, LoansApi loans, OpenLoanRequest request) {
        return Call.of(who + "'s new loan", () -> loans.openLoan(request, Clients.key()));
    }

    private Clients clients(String token) {
        return new Clients(api.endpoints(), token);
    }

    /** Carol's ETH loan (PARTIAL) and dave's SOL loan (without recourse) through a fall of their own assets. */
    private OtherRules otherRules(String ops) {
        String carol = api.token("carol", "carol");
        String dave = api.token("dave", "dave");
        step("8. The suite's other terms: ETH is sold in part, SOL without recourse");
        tick(ops, "SOL", "150");
        AssetsApi assets = new AssetsApi(clients(carol).loan());
        awaitUntil("loan-service knows SOL at 150",
                () -> isPrice(Call.of("the assets", assets::listAssets), "SOL", "150"));
        LoansApi carolLoans = new LoansApi(clients(carol).loan());
        LoanView carolLoan = openLoan("carol", carolLoans, new OpenLoanRequest().collateralAsset("ETH")
                .collateralAmount(new BigDecimal("2")).principal(new BigDecimal("3900")));
        UUID carolLoanId = carolLoan.getId();
        say("   carol borrows %s USDT against %s ETH (sold in part if liquidated): LTV %s",
                carolLoan.getPrincipal().toPlainString(), carolLoan.getCollateralAmount().toPlainString(),
                carolLoan.getLtv().toPlainString());
        LoansApi daveLoans = new LoansApi(clients(dave).loan());
        LoanView daveLoan = openLoan("dave", daveLoans, new OpenLoanRequest().collateralAsset("SOL")
                .collateralAmount(BigDecimal.TEN).principal(new BigDecimal("975")));
        UUID daveLoanId = daveLoan.getId();
        say("   dave borrows %s USDT against %s SOL (without recourse): LTV %s", daveLoan.getPrincipal().toPlainString(),
                daveLoan.getCollateralAmount().toPlainString(), daveLoan.getLtv().toPlainString());
        PositionsApi carolPositions = new PositionsApi(clients(carol).margin());
        PositionsApi davePositions = new PositionsApi(clients(dave).margin());
        awaitUntil("margin-service watches both loans",
                () -> Call.found("carol's position", () -> carolPositions.getPosition(carolLoanId))
                        && Call.found("dave's position", () -> davePositions.getPosition(daveLoanId)));

        tick(ops, "ETH", "2300");
        tick(ops, "SOL", "80");
        say("   ETH falls to 2,300 and SOL to 80");
        LiquidationView carolReceipt = completedSaleOf(carolLoanId, carol);
        LoanView carolNow = awaitValue("carol's loan unlocked after its partial sale", () -> {
            LoanView loan = Call.of("carol's loan", () -> carolLoans.getLoan(carolLoanId));
            return "ACTIVE".equals(loan.getStatus()) && loan.getCollateralAmount().compareTo(new BigDecimal("2")) < 0
                    ? loan : null;
        });
        say("   carol: %s ETH sold (%s policy) covering %s USDT; the loan goes on with %s ETH owing %s, LTV %s",
                carolReceipt.getCollateralSold().toPlainString(), carolReceipt.getPolicy(),
                carolReceipt.getDebtCovered().toPlainString(), carolNow.getCollateralAmount().toPlainString(),
                carolNow.getDebt().toPlainString(), carolNow.getLtv().toPlainString());

        LiquidationView daveReceipt = completedSaleOf(daveLoanId, dave);
        LoanView daveNow = awaitValue("dave's loan closed", () -> {
            LoanView loan = Call.of("dave's loan", () -> daveLoans.getLoan(daveLoanId));
            return "LIQUIDATED".equals(loan.getStatus()) ? loan : null;
        });
        InsuranceFundApi insuranceFund = new InsuranceFundApi(clients(ops).liquidation());
        InsuranceFundView fund = awaitValue("the insurance fund's draw for dave's loan", () -> {
            InsuranceFundView view = Call.of("the insurance fund", () -> insuranceFund.getInsuranceFund(0, 100));
            return view.getDraws().stream().anyMatch(draw -> daveLoanId.equals(draw.getLoanId())) ? view : null;
        });
        DebtsApi daveDebtsApi = new DebtsApi(clients(dave).debt());
        List<DebtSummaryView> daveDebts = Call.of("dave's debts", () -> daveDebtsApi.listDebts(0, 100));
        say("   dave: %s SOL sold for %s, shortfall %s drawn from the insurance fund (balance now %s); dave owes "
                        + "nothing: %d debt case(s)", daveReceipt.getCollateralSold().toPlainString(),
                daveReceipt.getGross().toPlainString(), daveReceipt.getShortfall().toPlainString(),
                fund.getBalance().toPlainString(), daveDebts.size());
        return new OtherRules(carolLoanId, carolNow, carolReceipt, daveLoanId, daveNow, daveReceipt, fund, daveDebts);
    }

    /** The receipt of the one completed sale of {@code loanId}, as its borrower sees it. */
    private LiquidationView completedSaleOf(UUID loanId, String token) {
        LiquidationsApi liquidations = new LiquidationsApi(clients(token).liquidation());
        return awaitValue("the sale of loan " + loanId, () -> {
            List<LiquidationView> sales = Call.of("the sales of loan " + loanId,
                    () -> liquidations.listLiquidations(null, loanId.toString(), 0, 20, null));
            if (sales.size() != 1) {
                return null;
            }
            LiquidationView sale = Call.of("the sale of loan " + loanId,
                    () -> liquidations.getLiquidation(sales.get(0).getId()));
            return "COMPLETED".equals(sale.getStatus()) ? sale : null;
        });
    }

    public static List<String> subjects(JsonNode messages) {
        List<String> subjects = new ArrayList<>();
        messages.forEach(m -> subjects.add(m.path("subject").asText()));
        return subjects;
    }

    /** An operator's price tick. */
    private void tick(String token, String asset, String price) {
        PricesApi prices = new PricesApi(clients(token).margin());
        Call.of("a tick of " + asset, () -> prices.submitPrice(new PriceRequest().asset(asset)
                .price(new BigDecimal(price)).source("demo")));
    }

    /** Whether {@code asset}'s latest price is {@code price} and every position it reached is decided. */
    private boolean decided(String ops, String asset, String price) {
        PricesApi prices = new PricesApi(clients(ops).margin());
        for (PriceView p : Call.of("the prices", prices::listPrices)) {
            if (asset.equals(p.getAsset())) {
                return p.getPrice().compareTo(new BigDecimal(price)) == 0 && p.getDecidedThrough() != null
                        && !p.getDecidedThrough().isBefore(p.getObservedAt());
            }
        }
        return false;
    }

    /** Whether loan-service's latest price of {@code asset} is {@code price}. */
    private static boolean isPrice(List<AssetView> assets, String asset, String price) {
        return assets.stream().anyMatch(a -> asset.equals(a.getAsset()) && a.getPrice() != null
                && a.getPrice().compareTo(new BigDecimal(price)) == 0);
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
