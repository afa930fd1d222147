package io.shortfall.e2e.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.shortfall.client.debt.api.ApprovalsApi;
import io.shortfall.client.debt.api.DebtsApi;
import io.shortfall.client.loan.api.AssetsApi;
import io.shortfall.client.loan.api.LoansApi;
import io.shortfall.client.loan.api.ReservesApi;
import io.shortfall.client.loan.model.AmountRequest;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.client.loan.model.OpenLoanRequest;
import io.shortfall.client.margin.api.PricesApi;
import io.shortfall.client.margin.api.RiskApi;
import io.shortfall.client.margin.model.PriceRequest;
import io.shortfall.e2e.Clients;
import io.shortfall.e2e.Endpoints;
import io.shortfall.infra.suite.Suite;
import io.shortfall.infra.suite.SuiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web app in a real Chromium against the whole suite: people sign in on Keycloak's own page, and every page they
 * see is built from the services' answers to their token. Screenshots of each page at a phone's and a desktop's
 * width go to {@code target/screenshots/}.
 */
class WebAppIT {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;

    /** Long enough for a tick to pass through margin-service and Kafka on a busy 2-core build machine. */
    private static final LocatorAssertions.HasTextOptions LIVE =
            new LocatorAssertions.HasTextOptions().setTimeout(20_000);
    private static final LocatorAssertions.ContainsTextOptions LIVE_TEXT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    private static Suite suite;
    private static Endpoints endpoints;
    private static Playwright playwright;
    private static Browser browser;
    private static String web;

    @BeforeAll
    static void startSuiteAndBrowser() {
        suite = Suite.start(SuiteConfig.ephemeral(Path.of(System.getProperty("shortfall.repo.root", ".."))));
        endpoints = Endpoints.of(suite);
        web = suite.webUrl();
        playwright = SystemChromium.playwright();
        browser = SystemChromium.launch(playwright);
    }

    @BeforeEach
    void btcAt60000() {
        tick("60000");
        String ops = suite.keycloak().token("ops", "ops");
        AssetsApi assets = new AssetsApi(new Clients(endpoints, ops).loan());
        await("loan-service has the BTC price").atMost(Duration.ofSeconds(30)).until(() ->
                io.shortfall.e2e.Call.of("the assets", assets::listAssets).stream().anyMatch(a ->
                        a.getAsset().equals("BTC") && a.getPrice() != null
                                && a.getPrice().compareTo(new BigDecimal("60000")) == 0));
    }

    /** An operator's BTC price tick, through margin-service's API. */
    private static void tick(String price) {
        PricesApi prices = new PricesApi(new Clients(endpoints, suite.keycloak().token("ops", "ops")).margin());
        io.shortfall.e2e.Call.of("a BTC tick", () -> prices.submitPrice(new PriceRequest().asset("BTC")
                .price(new BigDecimal(price)).source("web-test")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aBorrowerSignsInOpensALoanSeesItsHealthAndSignsOut() {
        String alicesCase;
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/loans");
            signIn(page, "alice", "alice");
            assertThat(page).hasURL(web + "/loans");
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Your loans"))).isVisible();
            assertThat(page.locator("main")).containsText("You have no loans yet");
            shoot(page, "loans-empty");

            page.getByText("Open a loan").first().click();
            assertThat(page).hasURL(web + "/loans/new");
            page.selectOption("#asset", "BTC");
            page.fill("#collateralAmount", "one");
            page.fill("#principal", "30000");
            submit(page);
            assertThat(page.locator("#collateralAmount-error")).hasText("Enter a positive amount, e.g. 1.5");
            assertThat(page.locator("#collateralAmount")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#principal")).hasValue("30000");

            page.fill("#collateralAmount", "1");
            assertThat(page.locator("#preview")).containsText("50.00 %");
            page.fill("#principal", "45000");
            assertThat(page.locator("#preview")).containsText("75.00 %");
            assertThat(page.locator("#preview")).containsText("above the most a loan may open at");
            submit(page);
            assertThat(page.locator("#principal-error")).containsText("above the initial LTV 0.65: borrow at most 39000.00");
            assertThat(page.locator("#principal")).hasAttribute("aria-invalid", "true");
            assertThat(page).hasURL(web + "/loans");

            page.fill("#principal", "39000");
            assertThat(page.locator("#preview")).containsText("65.00 %");
            shoot(page, "open-loan");
            submit(page);
            assertThat(page).hasURL(Pattern.compile("/loans/[0-9a-f-]{36}$"));
            assertThat(page.url()).startsWith(web + "/loans/");
            assertThat(page.locator("h1")).hasText("1 BTC, 39,000.00 USDT borrowed");
            assertThat(page.locator(".live .zone")).hasText("GREEN");
            assertThat(page.locator(".live .ltv")).hasText("65.00 %");
            assertThat(page.locator(".timeline")).containsText("LoanOpened");
            shoot(page, "loan");

            // Her notifications are open in another tab: what she is told during the crash appears there by itself.
            Page feed = phone.newPage();
            feed.navigate(web + "/notifications");
            assertThat(feed.locator("#feed")).not().containsText("Margin call");

            // The market falls while alice looks at her loan: the page follows margin-service's decisions live.
            tick("50000");
            assertThat(page.locator(".live .zone")).hasText("ORANGE", LIVE);
            assertThat(page.locator(".live .at")).hasText("at 50,000.00 USDT");
            assertThat(page.locator(".live .ltv")).hasText("78.00 %");
            tick("48000");
            assertThat(page.locator(".live .zone")).hasText("RED", LIVE);
            assertThat(page.locator(".live .fix")).containsText("add ", LIVE_TEXT);
            assertThat(page.locator(".live .fix")).containsText(" BTC or repay ");
            assertThat(page.locator(".live .fix")).containsText(" USDT.");
            shoot(page, "loan-red");
            assertThat(feed.locator(".feed")).containsText("Margin call on your BTC loan", LIVE_TEXT);
            feed.close();

            // The fall goes on through the liquidation price: the collateral is sold and leaves alice a debt.
            String loanUrl = page.url();
            tick("33000");
            Clients asAlice = new Clients(endpoints, suite.keycloak().token("alice", "alice"));
            DebtsApi debts = new DebtsApi(asAlice.debt());
            LoansApi loans = new LoansApi(asAlice.loan());
            UUID loanId = UUID.fromString(loanUrl.substring(loanUrl.lastIndexOf('/') + 1));
            await("alice's debt case, and her loan closed with its shortfall").atMost(Duration.ofSeconds(60)).until(() ->
                    !io.shortfall.e2e.Call.of("alice's debts", () -> debts.listDebts(0, 10)).isEmpty()
                            && io.shortfall.e2e.Call.of("alice's loan", () -> loans.getLoan(loanId))
                                    .getLiquidationShortfall() != null);
            page.navigate(loanUrl);
            assertThat(page.locator("h1")).hasText("BTC loan, liquidated");
            page.getByText("See what you owe and the ways to settle it").click();
            assertThat(page).hasURL(web + "/debts");
            page.locator(".cards li a").first().click();
            assertThat(page.locator("h1")).containsText("You owe ");
            assertThat(page.locator("#receipt-h")).isVisible();
            assertThat(page.locator("section[aria-labelledby=receipt-h]")).containsText("Shortfall");
            assertThat(page.locator("section[aria-labelledby=receipt-h]")).containsText("Liquidation fee");
            shoot(page, "debt-offers");

            Locator threeMonths = page.locator(".offer").filter(new Locator.FilterOptions()
                    .setHasText("in 3 monthly installments"));
            threeMonths.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator(".notice")).hasText("Offer accepted. Your plan is below.");
            assertThat(page.locator("table.lines").first().locator("tbody tr")).hasCount(3);
            String firstInstallment = page.locator("#amount").inputValue();
            assertThat(new BigDecimal(firstInstallment)).isPositive();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay now")).click();
            assertThat(page.locator(".notice")).hasText("Payment received. Thank you.");
            alicesCase = page.url().replaceAll(".*/debts/([0-9a-f-]{36}).*", "$1");
            assertThat(page.locator("section[aria-labelledby=payments-h] li")).hasCount(1);
            Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("PDF").setExact(true)).click());
            assertThat(pdf.suggestedFilename()).endsWith(".pdf");
            assertThat(readAll(pdf)).startsWith("%PDF");
            Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("CSV").setExact(true)).click());
            assertThat(readAll(csv)).startsWith("section,date,item,amount,detail").contains(firstInstallment);
            page.fill("#message-text", "Could the second installment come a week later?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
            assertThat(page.locator(".notice")).hasText("Your message is sent. An agent answers here.");
            assertThat(page.locator(".conversation .from-debtor"))
                    .containsText("Could the second installment come a week later?");
            shoot(page, "debt-plan");

            page.navigate(web + "/loans");
            assertThat(page.locator(".cards li")).hasCount(1);
            assertThat(page.locator(".cards li")).containsText("BTC loan, liquidated");
            shoot(page, "loans");

            // What alice was told during the crash, and how she wants to be told from now on.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications")).click();
            assertThat(page.locator(".feed")).containsText("Margin call on your BTC loan");
            String markRead = page.locator(".feed li.unread form").first().getAttribute("action");
            page.locator("form[action='" + markRead + "'] button").click();
            assertThat(page).hasURL(web + "/notifications");
            assertThat(page.locator("form[action='" + markRead + "']")).hasCount(0);
            shoot(page, "notifications");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preferences")).click();
            page.fill("#timeZone", "Mars/Olympus_Mons");
            page.selectOption("#locale", "de");
            page.fill("#quietStart", "22:30");
            page.fill("#quietEnd", "07:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#timeZone-error")).containsText("an IANA time zone such as Europe/Berlin");
            assertThat(page.locator("#timeZone")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#quietStart")).hasValue("22:30");
            page.fill("#timeZone", "Europe/Berlin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".notice")).hasText("Your preferences are saved.");
            assertThat(page.locator("#timeZone")).hasValue("Europe/Berlin");
            assertThat(page.locator("#locale")).hasValue("de");
            assertThat(page.locator("#quietStart")).hasValue("22:30");
            assertThat(page.locator("#quietEnd")).hasValue("07:00");
            shoot(page, "preferences");

            // A page of another site that posts a loan form to Shortfall in alice's browser opens nothing.
            Page attacker = phone.newPage();
            attacker.route("http://attacker.test/**", route -> route.fulfill(new Route.FulfillOptions()
                    .setContentType("text/html").setBody("<form id=f method=post action='" + web + "/loans'>"
                            + "<input name=asset value=BTC><input name=collateralAmount value=1>"
                            + "<input name=principal value=1000><input name=idempotencyKey value=forged></form>"
                            + "<script>document.getElementById('f').submit()</script>")));
            attacker.navigate("http://attacker.test/");
            attacker.waitForLoadState();
            assertThat(attacker.url()).doesNotContain("/loans/");
            attacker.close();
            // Nor does a request that says it comes from another site, even with alice's session cookie.
            var forged = page.request().post(web + "/loans", RequestOptions.create()
                    .setHeader("Origin", "https://attacker.example")
                    .setForm(FormData.create().set("asset", "BTC").set("collateralAmount", "1")
                            .set("principal", "1000").set("idempotencyKey", UUID.randomUUID().toString()))
                    .setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            page.navigate(web + "/loans");
            assertThat(page.locator(".cards li")).hasCount(1);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.locator("#username")).isVisible();
            page.navigate(web + "/loans");
            assertThat(page.locator("#username")).isVisible();
        }

        // alice's bank takes the payment back: the agent reverses it on her case file, saying why.
        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            page.navigate(web + "/agent/cases/" + alicesCase);
            signIn(page, "agent", "agent");
            Locator payments = page.locator("section[aria-labelledby=payments-h]");
            assertThat(payments.locator("tbody tr")).hasCount(1);
            assertThat(payments.locator("tbody tr")).containsText("applied");
            payments.locator("input[name=reason]").fill("Charged back by alice's bank");
            payments.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reverse")).click();
            assertThat(page.locator(".notice"))
                    .hasText("The payment is reversed; the plan's other payments are applied again in order.");
            assertThat(payments.locator("tbody tr")).containsText("reversed: Charged back by alice's bank");
            assertThat(payments.getByRole(AriaRole.BUTTON)).hasCount(0);
            shoot(page, "agent-payment-reversed");
        }
    }

    @Test
    void aBorrowerCannotSeeAnotherBorrowersLoanByItsAddressButManagesTheirOwn() {
        LoansApi asAlice = new LoansApi(new Clients(endpoints, suite.keycloak().token("alice", "alice")).loan());
        LoanView alices = io.shortfall.e2e.Call.of("alice's loan", () -> asAlice.openLoan(new OpenLoanRequest()
                .collateralAsset("BTC").collateralAmount(new BigDecimal("2")).principal(new BigDecimal("1234")),
                Clients.key()));
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/");
            signIn(page, "bob", "bob");
            assertThat(page).hasURL(web + "/loans");
            var response = page.navigate(web + "/loans/" + alices.getId());
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Not found");
            assertThat(page.locator("main")).not().containsText("1,234");
            shoot(page, "not-found");
            assertThat(page.navigate(web + "/loans/not-a-loan").status()).isEqualTo(404);
            assertThat(page.navigate(web + "/no-such-page").status()).isEqualTo(404);
            for (String staffPage : new String[] {"/agent", "/approvals", "/ops"}) {
                assertThat(page.navigate(web + staffPage).status()).as(staffPage).isEqualTo(403);
                assertThat(page.locator("h1")).hasText("Not for your role");
            }

            // bob's own loan: he adds collateral and repays part of it from its page.
            LoansApi asBob = new LoansApi(new Clients(endpoints, suite.keycloak().token("bob", "bob")).loan());
            LoanView bobs = io.shortfall.e2e.Call.of("bob's loan", () -> asBob.openLoan(new OpenLoanRequest()
                    .collateralAsset("BTC").collateralAmount(BigDecimal.ONE).principal(new BigDecimal("20000")),
                    Clients.key()));
            page.navigate(web + "/loans/" + bobs.getId());
            page.fill("#collateral-amount", "half");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add collateral")).click();
            assertThat(page.locator("#collateral-error")).hasText("Enter a positive amount, e.g. 0.25");
            page.fill("#collateral-amount", "0.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add collateral")).click();
            assertThat(page.locator(".notice")).hasText("Collateral added.");
            assertThat(page.locator("h1")).hasText("1.5 BTC, 20,000.00 USDT borrowed");
            page.fill("#repay-amount", "5000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Repay")).click();
            assertThat(page.locator(".notice")).hasText("Repayment received.");
            assertThat(page.locator(".facts").first()).containsText("15,000.00 USDT");

            // He keeps collateral in reserve and lets Shortfall top the loan up from it at a margin call.
            assertThat(page.locator("#auto-increase")).hasText("off");
            assertThat(page.locator("#reserve-balance")).hasText("0 BTC");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn automatic top-up on")).click();
            assertThat(page.locator(".notice")).hasText("Automatic top-up is on.");
            assertThat(page.locator("#auto-increase")).hasText("on");
            page.fill("#reserve-amount", "-0.2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to reserve")).click();
            assertThat(page.locator("#reserve-error")).hasText("Enter a positive amount, e.g. 0.25");
            page.fill("#reserve-amount", "0.2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to reserve")).click();
            assertThat(page.locator(".notice")).hasText("Added to your reserve.");
            assertThat(page.locator("#reserve-balance")).hasText("0.2 BTC");
            shoot(page, "loan-actions");
        }
    }

    @Test
    void aBorrowerWhoseBrowserIsGermanReadsThePagesInGermanAndMaySwitchToEnglish() {
        LoansApi asDave = new LoansApi(new Clients(endpoints, suite.keycloak().token("dave", "dave")).loan());
        LoanView daves = io.shortfall.e2e.Call.of("dave's loan", () -> asDave.openLoan(new OpenLoanRequest()
                .collateralAsset("BTC").collateralAmount(BigDecimal.ONE).principal(new BigDecimal("20000")),
                Clients.key()));
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setLocale("de-DE"))) {
            Page page = phone.newPage();
            page.navigate(web + "/");
            signIn(page, "dave", "dave");
            assertThat(page).hasURL(web + "/loans");
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.locator("h1")).hasText("Ihre Kredite");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kredite").setExact(true)))
                    .isVisible();

            // Numbers as Germans write them, and amounts typed with a decimal comma.
            page.navigate(web + "/loans/" + daves.getId());
            assertThat(page.locator("h1")).hasText("1 BTC, 20.000,00 USDT geliehen");
            assertThat(page.locator(".facts").first()).containsText("20.000,00 USDT");
            page.fill("#collateral-amount", "halb");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sicherheiten hinzufügen")).click();
            assertThat(page.locator("#collateral-error")).hasText("Geben Sie einen positiven Betrag ein, z. B. 0,25");
            // loan-service refuses a repayment beyond the debt in English; the German page says it in German.
            page.fill("#repay-amount", "50.000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilgen").setExact(true)).click();
            assertThat(page.locator("#repay-error")).hasText("Das ist mehr, als Sie schulden.");
            page.fill("#collateral-amount", "0,5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sicherheiten hinzufügen")).click();
            assertThat(page.locator(".notice")).hasText("Sicherheiten hinzugefügt.");
            assertThat(page.locator("h1")).hasText("1,5 BTC, 20.000,00 USDT geliehen");
            shoot(page, "loan-german");

            // The switch in the header: English from then on, on this page and the next.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English").setExact(true)).click();
            assertThat(page).hasURL(web + "/loans/" + daves.getId() + "?done=collateral");     // the same page
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator(".notice")).hasText("Collateral added.");
            assertThat(page.locator("h1")).hasText("1.5 BTC, 20,000.00 USDT borrowed");
            page.navigate(web + "/loans");
            assertThat(page.locator("h1")).hasText("Your loans");
        }
    }

    @Test
    void anAgentWorksACaseAndAnotherSupervisorApprovesTheSettlement() {
        // carol's loan crashes into a debt.
        Clients asCarol = new Clients(endpoints, suite.keycloak().token("carol", "carol"));
        io.shortfall.e2e.Call.of("carol's loan", () -> new LoansApi(asCarol.loan()).openLoan(new OpenLoanRequest()
                .collateralAsset("BTC").collateralAmount(BigDecimal.ONE).principal(new BigDecimal("39000")),
                Clients.key()));
        tick("33000");
        DebtsApi carolsDebts = new DebtsApi(asCarol.debt());
        UUID caseId = await("carol's debt case").atMost(Duration.ofSeconds(60)).until(() ->
                io.shortfall.e2e.Call.of("carol's debts", () -> carolsDebts.listDebts(0, 10)), l -> !l.isEmpty())
                .get(0).getId();
        io.shortfall.e2e.Call.of("carol's message", () -> carolsDebts.sendDebtMessage(caseId,
                new io.shortfall.client.debt.model.MessageRequest().text("Can I pay in two parts?")));
        // carol has a bitcoin in her reserve; on her case page she pledges half of it to secure the debt.
        io.shortfall.e2e.Call.of("carol's reserve", () -> new ReservesApi(asCarol.loan()).depositToReserve("BTC",
                new AmountRequest().amount(BigDecimal.ONE), Clients.key()));
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/debts/" + caseId);
            signIn(page, "carol", "carol");
            assertThat(page.locator("#pledge-asset")).containsText("1 BTC in the reserve");
            page.fill("#pledge-quantity", "half");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pledge").setExact(true)).click();
            assertThat(page.locator("#pledge-quantity-error")).hasText("Enter a positive quantity, e.g. 0.5");
            assertThat(page.locator("#pledge-quantity")).hasValue("half");
            page.fill("#pledge-quantity", "0.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pledge").setExact(true)).click();
            assertThat(page.locator(".notice")).hasText(
                    "Pledge sent: an agent accepts or declines it, and you read which here.");
            await("carol's pledge on her case").atMost(Duration.ofSeconds(30)).until(() ->
                    !io.shortfall.e2e.Call.of("carol's case", () -> carolsDebts.getDebt(caseId)).getPledges().isEmpty());
            page.reload();
            Locator pledges = page.locator("section[aria-labelledby=pledges-h]");
            assertThat(pledges).containsText("BTC: sent, waiting for an agent");
            assertThat(pledges).containsText("one pledge at a time");
            assertThat(page.locator("#pledge-quantity")).hasCount(0);
        }

        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            page.navigate(web + "/");
            signIn(page, "agent", "agent");
            assertThat(page).hasURL(web + "/agent");
            assertThat(page.locator("h1")).hasText("Case queue");
            // Debtors are known by the name Keycloak gives them (loan-service's BorrowerContact, kept by debt-collection).
            Locator carolsRow = page.locator("tr").filter(new Locator.FilterOptions()
                    .setHas(page.locator("a[href='/agent/cases/" + caseId + "']")));
            assertThat(carolsRow).containsText("debtor Carol Example, since ");
            page.locator("a[href='/agent/cases/" + caseId + "']").click();
            assertThat(page.locator("h1")).containsText(" USDT owed");
            assertThat(page.locator("main")).containsText("Debtor Carol Example. Assigned to");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take this case")).click();
            assertThat(page.locator(".notice")).hasText("The case is yours.");
            page.selectOption("#channel", "PHONE");
            page.fill("#outcome", "REACHED");
            page.fill("#contact-note", "Wants to settle this month");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log the contact")).click();
            assertThat(page.locator(".notice")).hasText("Contact logged.");
            assertThat(page.locator("section[aria-labelledby=contacts-h] .timeline"))
                    .containsText("PHONE: REACHED — Wants to settle this month");
            Locator timeline = page.locator("section[aria-labelledby=timeline-h]");      // the case's one timeline
            assertThat(timeline.locator("li").first()).containsText("Collateral sold: 1.00000000 BTC");
            assertThat(timeline).containsText("Case opened");
            assertThat(timeline).containsText("PHONE: REACHED");

            // carol's question, answered on the case file; an empty reply is not sent.
            assertThat(page.locator(".conversation .from-debtor")).containsText("Can I pay in two parts?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the reply")).click();
            assertThat(page.locator("#message-error")).hasText("Write your message first.");
            page.fill("#message-text", "Yes: a settlement offer is on its way.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the reply")).click();
            assertThat(page.locator(".notice")).hasText("Reply sent: the debtor reads it on their case page.");
            assertThat(page.locator(".conversation .from-agent")).containsText("Yes: a settlement offer is on its way.");

            // A promise to pay next week; a hardship hold (its reason required) and its end; a write-off asked for.
            page.fill("#promise-amount", "500.00");
            page.fill("#promise-due", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(7).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the promise")).click();
            assertThat(page.locator(".notice")).hasText("Promise recorded: payments are matched against it.");
            assertThat(page.locator("section[aria-labelledby=promises-h] table")).containsText("500.00");
            page.selectOption("#hold", "DISPUTED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put on hold")).click();
            assertThat(page.locator("#hold-reason-error")).isVisible();
            assertThat(page.locator("#hold")).hasValue("DISPUTED");                // the refused form as it was sent
            page.selectOption("#hold", "HARDSHIP");
            page.fill("#hold-reason", "Lost her job in the crash");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put on hold")).click();
            assertThat(page.locator(".notice")).hasText(
                    "The case is on hold: ageing and reminders pause until the hold is lifted.");
            assertThat(page.locator("section[aria-labelledby=hold-h]")).containsText("On hold: HARDSHIP");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lift the hold")).click();
            assertThat(page.locator(".notice")).hasText("Hold lifted.");
            page.fill("#write-off-reason", "Nothing left to recover");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request a write-off")).click();
            assertThat(page.locator(".notice")).hasText("Write-off requested: a supervisor decides it.");

            // carol's pledge, accepted; passing the case on is refused this early, and the service says why.
            Locator pledges = page.locator("section[aria-labelledby=pledges-h]");
            assertThat(pledges).containsText("BTC: offered, waiting for an answer");
            pledges.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept the pledge")).click();
            assertThat(page.locator(".notice")).hasText("The pledge is accepted: it secures the case until it is settled.");
            assertThat(pledges).containsText("BTC: accepted: it secures the case");
            assertThat(page.locator("#stage option")).hasCount(1);          // legal proceedings are a supervisor's
            page.fill("#escalation-reason", "No answer to three calls");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pass the case on")).click();
            assertThat(page.locator(".problem")).containsText("cannot be escalated");
            assertThat(page.locator("#escalation-reason")).hasValue("No answer to three calls");

            page.selectOption("#kind", "SETTLEMENT");
            page.fill("#offer-amount", "4000,00");
            page.fill("#offer-note", "Settle this month");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the offer")).click();
            assertThat(page.locator("#offer-amount-error")).isVisible();
            assertThat(page.locator("#offer-amount")).hasValue("4000,00");
            assertThat(page.locator("#offer-note")).hasValue("Settle this month");
            page.fill("#offer-amount", "4000.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the offer")).click();
            assertThat(page.locator(".notice")).containsText("the debtor sees it once a supervisor approves it");
            assertThat(page.locator("section[aria-labelledby=offers-h] table")).containsText("AWAITING_APPROVAL");
            shoot(page, "agent-case");

            page.navigate(web + "/agent?mine=true");
            assertThat(page.locator("a[href='/agent/cases/" + caseId + "']")).isVisible();
            shoot(page, "agent-queue");
            assertThat(page.navigate(web + "/approvals").status()).isEqualTo(403);
        }

        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            page.navigate(web + "/approvals");
            signIn(page, "sue", "sue");
            assertThat(page).hasURL(web + "/approvals");
            Locator request = page.locator(".card").filter(new Locator.FilterOptions().setHasText("4,000.00"));
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Approve")))
                    .click();
            assertThat(page.locator(".notice")).hasText("Approved. The debtor sees the offer now.");

            // sue's own settlement waits for another supervisor: the page offers her no decision, the service none.
            page.navigate(web + "/agent/cases/" + caseId);
            page.selectOption("#kind", "SETTLEMENT");
            page.fill("#offer-amount", "3500.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the offer")).click();
            assertThat(page.locator(".notice")).containsText("a supervisor approves it");
            page.navigate(web + "/approvals");
            Locator own = page.locator(".card").filter(new Locator.FilterOptions().setHasText("3,500.00"));
            assertThat(own).containsText("Your own request: another supervisor decides it.");
            assertThat(own.getByRole(AriaRole.BUTTON)).hasCount(0);
            shoot(page, "approvals");
            UUID ownId = io.shortfall.e2e.Call.of("sue's approvals", () -> new ApprovalsApi(
                    new Clients(endpoints, suite.keycloak().token("sue", "sue")).debt()).listApprovals(0, 50, "PENDING"))
                    .stream().filter(a -> a.getAmount().compareTo(new BigDecimal("3500")) == 0).findFirst()
                    .orElseThrow().getId();
            var forged = page.request().post(web + "/approvals/" + ownId + "/approve", RequestOptions.create()
                    .setHeader("Origin", web).setForm(FormData.create().set("note", "")).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.text()).contains("You made this request: another supervisor decides it.");
        }
        assertThat(io.shortfall.e2e.Call.of("carol's offers", () -> carolsDebts.listOffers(caseId)))
                .anyMatch(o -> "SETTLEMENT".equals(o.getKind()) && "OPEN".equals(o.getStatus())
                        && o.getTerms().getAmount().compareTo(new BigDecimal("4000")) == 0);

        // carol reads the answer to her question and proposes a plan of her own, longer than the self-serve
        // bounds: its schedule shows as she types, and it goes to an agent instead of starting.
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/debts/" + caseId);
            signIn(page, "carol", "carol");
            assertThat(page.locator(".conversation .from-agent")).containsText("Yes: a settlement offer is on its way.");
            page.waitForLoadState();                       // htmx listens from here on
            page.fill("#installments", "six");
            assertThat(page.locator("#proposal-preview")).containsText("Enter a whole number of installments, e.g. 6");
            page.fill("#installments", "24");
            assertThat(page.locator("#proposal-preview .schedule li")).hasCount(24);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose this plan")).click();
            assertThat(page.locator(".notice")).hasText("Your proposal is with the agents: they answer here.");
            assertThat(page.locator(".waiting")).containsText("in 24 monthly installments");
            assertThat(page.locator("#installments")).hasCount(0);
            shoot(page, "debt-proposal");

            // The half bitcoin the agent accepted secures the debt.
            assertThat(page.locator("section[aria-labelledby=pledges-h]")).containsText("BTC: accepted: it secures the debt");
        }
        // The agent declines it, saying why.
        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            page.navigate(web + "/agent/cases/" + caseId);
            signIn(page, "agent", "agent");
            Locator plan = page.locator(".answer");
            assertThat(plan).containsText("in 24 payments");
            plan.locator("input[name=reason]").fill("Twelve months at most: try the 12-month offer.");
            plan.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Decline the debtor's plan"))
                    .click();
            assertThat(page.locator(".notice")).hasText("The debtor's plan is declined: they read why on their case page.");
            assertThat(page.locator(".answer")).hasCount(0);
        }
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/debts/" + caseId);
            signIn(page, "carol", "carol");
            assertThat(page.locator(".declined")).containsText("Twelve months at most: try the 12-month offer.");
            assertThat(page.locator("#installments")).isVisible();
        }

        // An agent's offer of six installments, which carol declines; then she answers the settlement of 4,000 with a
        // plan of her own (which declines it).
        DebtsApi agentsDebts = new DebtsApi(new Clients(endpoints, suite.keycloak().token("agent", "agent")).debt());
        io.shortfall.e2e.Call.of("the agent's offer", () -> agentsDebts.proposeOffer(caseId,
                new io.shortfall.client.debt.model.ProposalRequest().kind("INSTALLMENTS").installments(6)
                        .frequency("MONTHLY").firstDueDate(java.time.LocalDate.now().plusDays(14))));
        try (BrowserContext phone = phone()) {
            Page page = phone.newPage();
            page.navigate(web + "/debts/" + caseId);
            signIn(page, "carol", "carol");
            Locator agents = page.locator(".offer").filter(new Locator.FilterOptions()
                    .setHas(page.locator("form[action$='/decline']")));
            assertThat(agents).hasCount(2);
            assertThat(agents.first()).containsText("From an agent");
            Locator sixMonths = agents.filter(new Locator.FilterOptions().setHasText("Pay in installments"));
            sixMonths.locator("input[name=reason]").fill("I can pay more each month.");
            sixMonths.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Decline the offer")).click();
            assertThat(page.locator(".notice")).hasText("The offer is declined: the agent reads why.");
            assertThat(agents).hasCount(1);
            shoot(page, "debt-agent-offer");

            agents.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Propose a plan of your own instead")).click();
            assertThat(page.locator(".hint", new Page.LocatorOptions()
                    .setHasText("Your answer to the agent's offer of 4,000.00 USDT"))).isVisible();
            page.fill("#installments", "12");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose this plan")).click();
            assertThat(page.locator(".notice")).isVisible();
            assertThat(agents).hasCount(0);
        }
        assertThat(io.shortfall.e2e.Call.of("carol's offers", () -> carolsDebts.listOffers(caseId)))
                .anyMatch(o -> "AGENT".equals(o.getBy()) && "REJECTED".equals(o.getStatus())
                        && "I can pay more each month.".equals(o.getReason()))
                .anyMatch(o -> "DEBTOR".equals(o.getBy()) && o.getCounterOf() != null);
    }

    @Test
    void anOperatorTriesAStressAndResetsATrippedBreaker() {
        tick("25000");                                    // below half the hour's high: BTC's breaker trips
        RiskApi risk = new RiskApi(new Clients(endpoints, suite.keycloak().token("ops", "ops")).margin());
        await("BTC's breaker tripped").atMost(Duration.ofSeconds(30)).until(() ->
                io.shortfall.e2e.Call.of("the risk summary", risk::getRiskSummary).stream()
                        .anyMatch(a -> a.getAsset().equals("BTC") && Boolean.TRUE.equals(a.getBreakerTripped())));
        try (BrowserContext desk = desktop()) {
            Page page = desk.newPage();
            page.navigate(web + "/");
            signIn(page, "ops", "ops");
            assertThat(page).hasURL(web + "/ops");
            Locator btc = page.locator("tbody tr").filter(new Locator.FilterOptions().setHas(
                    page.locator("th", new Page.LocatorOptions().setHasText("BTC"))));
            assertThat(btc).containsText("Tripped");

            page.selectOption("#stress-asset", "BTC");
            page.fill("#stress-price", "20000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try it")).click();
            assertThat(page.locator(".stress")).containsText("BTC at");
            assertThat(page.locator(".stress")).containsText("Projected shortfall");
            page.fill("#stress-price", "nothing");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try it")).click();
            assertThat(page.locator("#stress-error")).hasText("Enter a price above zero, e.g. 30000");
            shoot(page, "ops-risk");

            btc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset the breaker of BTC")).click();
            assertThat(page.locator(".notice")).containsText("The breaker of BTC is reset");
            assertThat(btc).not().containsText("Tripped");

            // The liquidation desk: caps, stuck sales, the queue and the insurance fund; then the emails that failed.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Liquidations")).click();
            assertThat(page.locator("h1")).hasText("Liquidations");
            assertThat(page.locator("section[aria-labelledby=stuck-h]")).containsText("No sale is stuck.");
            assertThat(page.locator("section[aria-labelledby=fund-h]")).containsText("USDT");
            shoot(page, "ops-liquidations");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emails")).click();
            assertThat(page.locator("h1")).hasText("Emails that could not be sent");
            shoot(page, "ops-emails");
        }
    }

    private static void submit(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the loan")).click();
    }

    private static BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT)
                .setLocale("en-GB"));
    }

    private static BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setLocale("en-GB"));
    }

    /** Keycloak's own sign-in page: the app never sees the password. */
    private static void signIn(Page page, String username, String password) {
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.url()).startsWith(suite.keycloak().url() + "/realms/shortfall/");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#kc-login");
    }

    /** A downloaded file's bytes as Latin-1 text (so a PDF's header reads as written). */
    private static String readAll(Download download) {
        try {
            return new String(java.nio.file.Files.readAllBytes(download.path()),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The page as it is now, at a phone's width and at a desktop's; at each, axe-core's WCAG 2.1 A and AA rules run in
     * the page and find nothing serious or critical.
     */
    private static void shoot(Page page, String name) {
        Path dir = Path.of(System.getProperty("shortfall.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-phone.png")).setFullPage(true));
        accessible(page, name + " (phone)");
        page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-desktop.png")).setFullPage(true));
        accessible(page, name + " (desktop)");
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
    }

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static void accessible(Page page, String name) {
        List<String> serious = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        assertThat(serious).as("axe-core on the page %s", name).isEmpty();
    }
}
