package io.shortfall.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.e2e.Api;
import io.shortfall.e2e.Endpoints;
import io.shortfall.events.Topics;
import org.apache.kafka.common.TopicPartition;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./shortfall bench crash --loans N}: against the running suite, opens N BTC loans through the public API
 * with concurrent clients (borrowers {@code bench-0001} …, ten loans each at most 100 borrowers), crashes the BTC
 * price in one tick, and prints when each stage was done for every loan (from the crash tick: triggered, locked,
 * sold, closed, shortfalls, debt cases, negative-balance emails, every email) and the invariants: one event of each
 * kind per loan, one case per shortfall with the same amount to the cent, one email per event and borrower (read
 * from the mail server), outboxes drained, dead-letter topics unchanged.
 */
public final class CrashBench {

    private static final String ASSET = "BTC";
    private static final String OPEN_PRICE = "60000";
    private static final String CRASH_PRICE = "33000";
    private static final String COLLATERAL = "0.05";
    private static final String PRINCIPAL = "1900.00";                      // LTV 0.6333 at 60,000; 1.1515 at 33,000
    private static final List<String> STAGES = List.of("LiquidationTriggered", "LiquidationStarted",
            "LiquidationCompleted", "LoanClosed", "NegativeBalanceRecorded", "DebtCaseOpened");
    private static final List<String> EMAILED = List.of("MarginCall", "LiquidationStarted", "LiquidationCompleted",
            "DebtCaseOpened");

    private final Endpoints endpoints = Endpoints.localDefaults();
    private final Api api = new Api(endpoints);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bootstrap = "127.0.0.1:" + env("SHORTFALL_KAFKA_PORT", "9092");
    private final int loans;
    private final int borrowers;
    private final int clients;
    private final Duration timeout;

    private CrashBench(int loans, int borrowers, int clients, Duration timeout) {
        this.loans = loans;
        this.borrowers = borrowers;
        this.clients = clients;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int loans = Integer.parseInt(options.getOrDefault("loans", "1000"));
        int borrowers = Integer.parseInt(options.getOrDefault("borrowers",
                Integer.toString(Math.max(1, Math.min(100, loans / 10)))));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "900")));
        new CrashBench(loans, borrowers, clients, timeout).run();
    }

    private void run() throws Exception {
        Bench.printMachine();
        System.out.printf("Crash benchmark: %d loans of %s %s against %s USDT (LTV 0.6333 at %s), %d borrowers, "
                + "%d concurrent clients; crash to %s%n", loans, COLLATERAL, ASSET, PRINCIPAL, OPEN_PRICE, borrowers,
                clients, CRASH_PRICE);
        api.get("margin-service", "/q/health/ready", null).expect(200);
        String ops = api.token("ops", "ops");

        long t = System.nanoTime();
        List<BenchUsers.Borrower> people = new BenchUsers(endpoints.keycloakUrl()).ensure(borrowers);
        System.out.printf("  %d borrowers signed in: %.1f s%n", people.size(), seconds(t));

        price(ops, OPEN_PRICE);
        long openedBefore = openBtcLoans(ops);
        if (openedBefore > 0) {
            System.err.println(openedBefore + " " + ASSET + " loans are open already: the figures would mix them in. "
                    + "Run the benchmark on a freshly started suite (./shortfall down; ./shortfall up).");
            System.exit(2);
        }
        t = System.nanoTime();
        Set<UUID> opened = open(people);
        double openSeconds = seconds(t);
        System.out.printf("  %d loans opened through POST /api/loans: %.1f s (%.0f loans/s)%n", opened.size(),
                openSeconds, opened.size() / openSeconds);
        Bench.await("margin-service to hold every new position", Duration.ofMinutes(5),
                () -> openBtcLoans(ops) >= openedBefore + loans);
        System.out.printf("  margin-service holds them: %.1f s after the first was opened%n", seconds(t));

        Map<TopicPartition, Long> start = TopicWatch.endOffsets(bootstrap, Topics.ALL);
        Map<TopicPartition, Long> dlqBefore = TopicWatch.endOffsets(bootstrap, Topics.ALL.stream().map(Topics::dlq).toList());

        try (TopicWatch watch = new TopicWatch(bootstrap, start, opened)) {
            long crashAt = System.currentTimeMillis();
            price(ops, CRASH_PRICE);
            System.out.printf("  crash: %s %s -> %s in one tick%n", ASSET, OPEN_PRICE, CRASH_PRICE);
            Map<String, Long> emailStages = new LinkedHashMap<>();
            long deadline = crashAt + timeout.toMillis();
            long nextReport = 0;
            while (true) {
                watch.check();
                long now = System.currentTimeMillis();
                int cases = watch.loans("DebtCaseOpened");
                int shortfalls = watch.loans("NegativeBalanceRecorded");
                // Emails are counted from notification-service's EmailSent events, not its metrics: scraping them
                // several times a second would cost the service a share of its CPU in the middle of the crash.
                int negative = watch.loans(TopicWatch.EMAIL_SENT + "NEGATIVE_BALANCE");
                int emails = watch.count("EmailSent");
                int expectedEmails = EMAILED.stream().mapToInt(watch::loans).sum();
                boolean eventsDone = STAGES.stream().limit(4).allMatch(s -> watch.loans(s) >= loans)
                        && shortfalls == watch.loans("LiquidationCompleted") - watch.loans("InsuranceFundDrawn")
                        && cases >= shortfalls;
                if (eventsDone && negative >= cases) {
                    emailStages.putIfAbsent("negative-balance emails",
                            watch.lastNew(TopicWatch.EMAIL_SENT + "NEGATIVE_BALANCE"));
                }
                if (eventsDone && emails >= expectedEmails) {
                    emailStages.putIfAbsent("every email", watch.last("EmailSent"));
                }
                if (now >= nextReport) {
                    System.out.printf("  +%5.1f s  triggered %d, locked %d, sold %d, closed %d, shortfalls %d, "
                                    + "cases %d, negative-balance emails %s, emails %s of %d%n",
                            (now - crashAt) / 1000.0, watch.loans("LiquidationTriggered"),
                            watch.loans("LiquidationStarted"), watch.loans("LiquidationCompleted"),
                            watch.loans("LoanClosed"), shortfalls, cases, negative, emails, expectedEmails);
                    nextReport = now + 5_000;
                }
                if (emailStages.size() == 2) {
                    break;
                }
                if (now > deadline) {
                    System.out.println("  timed out after " + timeout.toSeconds() + " s");
                    break;
                }
                Thread.sleep(200);                                               // a poll, not a stand-in for a condition
            }
            report(watch, crashAt, emailStages);
            verify(watch, people, dlqBefore);
        }
    }

    private void report(TopicWatch watch, long crashAt, Map<String, Long> emailStages) {
        System.out.println();
        System.out.println("| stage (every loan) | done after the crash tick |");
        System.out.println("|---|---|");
        Map<String, String> names = Map.of("LiquidationTriggered", "triggered (margin-service)",
                "LiquidationStarted", "locked (loan-service)", "LiquidationCompleted", "sold (liquidation-service)",
                "LoanClosed", "closed (loan-service)", "NegativeBalanceRecorded", "shortfalls recorded",
                "DebtCaseOpened", "debt cases opened (debt-collection-service)");
        for (String stage : STAGES) {
            long at = watch.lastNew(stage);
            System.out.printf("| %s: %d | %s |%n", names.get(stage), watch.loans(stage),
                    at == 0 ? "-" : "%.1f s".formatted((at - crashAt) / 1000.0));
        }
        emailStages.forEach((stage, at) -> System.out.printf("| %s (notification-service) | %.1f s |%n", stage,
                (at - crashAt) / 1000.0));
    }

    private void verify(TopicWatch watch, List<BenchUsers.Borrower> people, Map<TopicPartition, Long> dlqBefore)
            throws Exception {
        System.out.println();
        List<String> broken = new ArrayList<>();
        for (String stage : STAGES) {
            // every loan reaches every stage: each one's shortfall is positive (0.05 BTC at 33,000 against 1,900)
            if (watch.loans(stage) < loans) {
                broken.add("only " + watch.loans(stage) + " of " + loans + " loans reached " + stage);
            }
            if (!watch.repeated(stage).isEmpty()) {
                broken.add(watch.repeated(stage).size() + " loans with more than one " + stage);
            }
        }
        if (!watch.shortfalls().equals(watch.caseAmounts())) {
            long differ = watch.shortfalls().entrySet().stream()
                    .filter(e -> watch.caseAmounts().get(e.getKey()) == null
                            || watch.caseAmounts().get(e.getKey()).compareTo(e.getValue()) != 0).count();
            broken.add(differ + " shortfalls without a case of the same amount");
        }
        Map<TopicPartition, Long> dlqAfter = TopicWatch.endOffsets(bootstrap, Topics.ALL.stream().map(Topics::dlq).toList());
        long parked = dlqAfter.entrySet().stream().mapToLong(e -> e.getValue() - dlqBefore.getOrDefault(e.getKey(), 0L))
                .sum();
        if (parked > 0) {
            broken.add(parked + " records parked in dead-letter topics");
        }
        Bench.await("every outbox to be drained", Duration.ofSeconds(30), () -> endpoints.services().values().stream()
                .allMatch(url -> Prometheus.sum(url, "shortfall_outbox_pending").signum() == 0));
        System.out.println("  one event of each kind per loan, one case per shortfall (same amount), dead-letter "
                + "topics unchanged, every outbox drained, every loan through every stage: " + (broken.isEmpty() ? "yes" : "NO: " + broken));
        int expected = EMAILED.stream().mapToInt(watch::loans).sum();
        Emails emails = emails(people, watch.eventIds());
        System.out.printf("  emails in the mail server for the benchmark's borrowers: %d for %d events; "
                + "sent twice: %d%n", emails.distinct(), expected, emails.repeated());
        if (!broken.isEmpty() || emails.repeated() > 0 || emails.distinct() < expected) {
            System.out.println("INVARIANTS BROKEN");
            System.exit(1);
        }
    }

    private record Emails(int distinct, int repeated) {
    }

    private static final Pattern EVENT = Pattern.compile("X-Shortfall-Event: ([0-9a-f-]{36})");

    /** The borrowers' emails (GreenMail's REST API) that tell of this run's events, by event. */
    private Emails emails(List<BenchUsers.Borrower> people, Set<String> events) throws Exception {
        Map<String, Integer> byEvent = new HashMap<>();
        for (BenchUsers.Borrower b : people) {
            for (JsonNode message : api.mailbox(b.email())) {
                Matcher m = EVENT.matcher(message.path("mimeMessage").asText());
                if (m.find() && events.contains(m.group(1))) {
                    byEvent.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        int repeated = (int) byEvent.values().stream().filter(n -> n > 1).count();
        return new Emails(byEvent.size(), repeated);
    }

    private void price(String ops, String price) {
        api.post("margin-service", "/api/prices", ops, Map.of("asset", ASSET, "price", price, "source", "bench"))
                .expect(202);
        String shown = new BigDecimal(price).setScale(8).toPlainString();
        Bench.await("margin-service and loan-service to know " + ASSET + " at " + price, Duration.ofSeconds(60),
                () -> shows(api.get("margin-service", "/api/prices", ops).expect(200).body(), shown)
                        && shows(api.get("loan-service", "/api/assets", ops).expect(200).body(), shown));
    }

    private static boolean shows(JsonNode assets, String price) {
        for (JsonNode a : assets) {
            if (a.get("asset").asText().equals(ASSET)) {
                return new BigDecimal(price).compareTo(a.path("price").isMissingNode() || a.get("price").isNull()
                        ? BigDecimal.ZERO : new BigDecimal(a.get("price").asText())) == 0;
            }
        }
        return false;
    }

    private long openBtcLoans(String ops) {
        for (JsonNode asset : api.get("margin-service", "/api/risk/summary", ops).expect(200).body()) {
            if (asset.get("asset").asText().equals(ASSET)) {
                return asset.get("loans").asLong();
            }
        }
        return 0;
    }

    /** Opens the loans, {@code clients} requests at a time, round robin over the borrowers. */
    private Set<UUID> open(List<BenchUsers.Borrower> people) throws Exception {
        Set<UUID> opened = ConcurrentHashMap.newKeySet();
        Semaphore inFlight = new Semaphore(clients);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        String url = endpoints.service("loan-service") + "/api/loans";
        String body = "{\"collateralAsset\":\"" + ASSET + "\",\"collateralAmount\":\"" + COLLATERAL
                + "\",\"principal\":\"" + PRINCIPAL + "\"}";
        for (int i = 0; i < loans; i++) {
            BenchUsers.Borrower b = people.get(i % people.size());
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + b.token()).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() == 201) {
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
                    if (id.find()) {
                        opened.add(UUID.fromString(id.group(1)));
                        return;
                    }
                }
                if (failures.incrementAndGet() <= 3) {
                    System.out.println("  a loan was not opened: " + (error != null ? error
                            : response.statusCode() + " " + response.body()));
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (opened.size() != loans) {
            throw new IllegalStateException((loans - opened.size()) + " loans were not opened");
        }
        return opened;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
