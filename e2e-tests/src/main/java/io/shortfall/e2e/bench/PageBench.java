package io.shortfall.e2e.bench;

import io.shortfall.client.loan.api.AssetsApi;
import io.shortfall.client.loan.api.LoansApi;
import io.shortfall.client.loan.model.LoanView;
import io.shortfall.client.loan.model.OpenLoanRequest;
import io.shortfall.client.margin.api.PricesApi;
import io.shortfall.client.margin.model.PriceRequest;
import io.shortfall.e2e.Api;
import io.shortfall.e2e.Call;
import io.shortfall.e2e.Clients;
import io.shortfall.e2e.Endpoints;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./shortfall bench pages}: against the running suite, the time each page of the web app takes to answer
 * (signed in as a browser is, one request after another, after a warm-up), and the time from a price tick that changes
 * a zone to the live page's event.
 */
public final class PageBench {

    private static final int LOANS = 5;
    private static final int WARM_UP = 20;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "200"));
        int ticks = Integer.parseInt(options.getOrDefault("ticks", "10"));
        String web = options.getOrDefault("web", "http://localhost:8080");
        Bench.printMachine();

        Endpoints endpoints = Endpoints.localDefaults();
        Api api = new Api(endpoints);
        String ops = api.token("ops", "ops");
        tick(endpoints, ops, "60000");
        AssetsApi assets = new AssetsApi(new Clients(endpoints, ops).loan());
        Bench.await("loan-service's BTC price", Duration.ofSeconds(30), () -> Call.of("the assets", assets::listAssets)
                .stream().anyMatch(a -> "BTC".equals(a.getAsset()) && a.getPrice() != null
                        && a.getPrice().compareTo(new BigDecimal("60000")) == 0));

        BenchUsers.Borrower borrower = new BenchUsers(endpoints.keycloakUrl()).ensure(1).get(0);
        LoansApi loans = new LoansApi(new Clients(endpoints, borrower.token()).loan());
        List<LoanView> active = new ArrayList<>(Call.of("the loans", () -> loans.listLoans(null, 0, 100)).stream()
                .filter(l -> "ACTIVE".equals(l.getStatus()) && "BTC".equals(l.getCollateralAsset())).toList());
        while (active.size() < LOANS) {
            active.add(Call.of("a loan", () -> loans.openLoan(new OpenLoanRequest().collateralAsset("BTC")
                    .collateralAmount(BigDecimal.ONE).principal(new BigDecimal("30000")), Clients.key())));
        }

        WebSession asBorrower = WebSession.signIn(web, borrower.username(), borrower.username());
        WebSession asAgent = WebSession.signIn(web, "agent", "agent");
        WebSession asOps = WebSession.signIn(web, "ops", "ops");
        Map<String, WebSession> pages = new LinkedHashMap<>();
        pages.put("/loans", asBorrower);
        pages.put("/loans/" + active.get(0).getId(), asBorrower);
        pages.put("/loans/new", asBorrower);
        pages.put("/debts", asBorrower);
        pages.put("/agent", asAgent);
        pages.put("/ops", asOps);

        System.out.printf("Pages: %d requests each, one at a time after %d to warm up; %s's %d loans%n", requests,
                WARM_UP, borrower.username(), active.size());
        System.out.printf("%-52s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms");
        for (Map.Entry<String, WebSession> page : pages.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                page.getValue().get(page.getKey());
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                int status = page.getValue().get(page.getKey());
                millis.add((System.nanoTime() - t0) / 1e6);
                if (status != 200) {
                    throw new IllegalStateException(page.getKey() + " answered " + status);
                }
            }
            print(page.getKey().replaceAll("[0-9a-f-]{36}", "{id}"), millis);
        }

        // The live page: from sending a tick that moves every loan of the borrower to another zone, to the events.
        BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = asBorrower.client().send(HttpRequest.newBuilder(
                URI.create(asBorrower.url("/loans/live"))).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        events.add(System.nanoTime());
                    }
                });
            } catch (java.io.UncheckedIOException closedAtTheEnd) {
                // the stream closed below
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            String price = i % 2 == 0 ? "39000" : "60000";          // LTV 0.77 (ORANGE), then 0.50 (GREEN)
            events.clear();
            long t0 = System.nanoTime();
            tick(endpoints, ops, price);
            List<Long> arrived = new ArrayList<>();
            while (arrived.size() < active.size()) {
                Long at = events.poll(30, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("only " + arrived.size() + " of " + active.size()
                            + " live events within 30 s of the tick to " + price);
                }
                arrived.add(at);
            }
            first.add((arrived.get(0) - t0) / 1e6);
            all.add((arrived.get(arrived.size() - 1) - t0) / 1e6);
        }
        System.out.printf("%nLive: %d ticks, each moving %d loans to another zone; from sending the tick to the page's"
                + " event%n", ticks, active.size());
        System.out.printf("%-52s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "max ms");
        print("first loan's event", first);
        print("every loan's event", all);
        stream.body().close();
        tick(endpoints, ops, "60000");
    }

    private static void tick(Endpoints endpoints, String ops, String price) {
        PricesApi prices = new PricesApi(new Clients(endpoints, ops).margin());
        Call.of("a BTC tick", () -> prices.submitPrice(new PriceRequest().asset("BTC").price(new BigDecimal(price))
                .source("bench")));
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-52s %8.1f %8.1f %8.1f%n", what, percentile(sorted, 0.50), percentile(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private PageBench() {
    }
}
