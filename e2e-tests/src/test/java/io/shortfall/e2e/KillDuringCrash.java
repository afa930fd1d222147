package io.shortfall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.e2e.bench.BenchUsers;
import io.shortfall.e2e.bench.Prometheus;
import io.shortfall.e2e.bench.TopicWatch;
import io.shortfall.events.Topics;
import io.shortfall.infra.suite.Suite;
import org.apache.kafka.common.TopicPartition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash of {@link #LOANS} BTC loans through the whole suite during which loan-, liquidation-, debt-collection- and
 * notification-service are each killed with SIGKILL while they have work in flight (some, not all, of their stage
 * done), and started again on the same port and database. Then, as the borrowers and the staff see it: every loan
 * liquidated once, one case per shortfall of the same amount, one email per event (one Message-ID: the same email,
 * even when a sender killed between the SMTP server's acceptance and its record sent it again), nothing in a
 * dead-letter topic, every outbox drained and nothing parked.
 */
final class KillDuringCrash {

    static final int LOANS = 240;
    private static final int BORROWERS = 16;
    private static final String ASSET = "BTC";
    private static final String COLLATERAL = "0.05";
    private static final String PRINCIPAL = "1900.00";                 // LTV 0.6333 at 60,000; 1.1515 at 33,000
    /** The events that each make one email to the borrower. */
    private static final List<String> EMAILED = List.of("MarginCall", "LiquidationStarted", "LiquidationCompleted",
            "DebtCaseOpened");
    private static final Pattern EVENT = Pattern.compile("X-Shortfall-Event: ([0-9a-f-]{36})");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

    private final Suite suite;
    private final Api api;
    private final String bootstrap;

    KillDuringCrash(Suite suite, Api api) {
        this.suite = suite;
        this.api = api;
        this.bootstrap = suite.kafka().bootstrapServers();
    }

    /**
     * One kill: the service, and when it has work in flight: some but not all of what its input topics told it
     * done (read from the topics, and from notification-service's metrics).
     */
    private record Kill(String module, String inFlight, BooleanSupplier when) {
    }

    void play() throws Exception {
        long t0 = System.nanoTime();
        List<BenchUsers.Borrower> people = new BenchUsers(api.endpoints().keycloakUrl()).ensure(BORROWERS);
        String ops = api.token("ops", "ops");
        price(ops, "60000");
        long before = openLoans(ops);
        Map<UUID, BenchUsers.Borrower> loans = open(people);
        await("margin-service holds every new position").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).until(() -> openLoans(ops) >= before + LOANS);
        say("%d loans of %d borrowers open and watched: %.1f s", LOANS, BORROWERS, seconds(t0));

        Map<TopicPartition, Long> dlqBefore = TopicWatch.endOffsets(bootstrap, Topics.ALL.stream().map(Topics::dlq).toList());
        String notification = suite.serviceUrl(CrashScenario.NOTIFICATION);
        BigDecimal emailsBefore = Prometheus.sum(notification, "shortfall_emails_sent_total");
        try (TopicWatch watch = new TopicWatch(bootstrap, TopicWatch.endOffsets(bootstrap, Topics.ALL), loans.keySet())) {
            List<Kill> kills = List.of(
                    new Kill(CrashScenario.LOAN, "triggered loans locked",
                            () -> between(watch.loans("LiquidationStarted"), watch.loans("LiquidationTriggered"))),
                    new Kill(CrashScenario.LIQUIDATION, "locked loans sold",
                            () -> between(watch.loans("LiquidationCompleted"), watch.loans("LiquidationStarted"))),
                    new Kill(CrashScenario.DEBT, "cases opened for the shortfalls recorded",
                            () -> between(watch.loans("DebtCaseOpened"), watch.loans("NegativeBalanceRecorded"))),
                    new Kill(CrashScenario.NOTIFICATION, "emails sent for the events told",
                            () -> between(Prometheus.sum(notification, "shortfall_emails_sent_total")
                                    .subtract(emailsBefore).intValue(), expectedEmails(watch))));
            long crashAt = System.nanoTime();
            api.post(CrashScenario.MARGIN, "/api/prices", ops, Map.of("asset", ASSET, "price", "33000",
                    "source", "fault-test")).expect(202);
            say("crash: %s 60,000 -> 33,000 in one tick", ASSET);

            Map<String, String> killedWhile = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> restarts = new ArrayList<>();
            for (Kill kill : kills) {
                // Each kill waits for its own condition while the services killed before it start again.
                restarts.add(CompletableFuture.runAsync(() -> {
                    await(kill.module() + " has " + kill.inFlight() + " in flight").atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(20)).until(() -> {
                                watch.check();
                                return kill.when().getAsBoolean();
                            });
                    String state = state(watch);
                    suite.kill(kill.module());
                    killedWhile.put(kill.module(), state);
                    say("+%.1f s  SIGKILL %s (some, not all, %s): %s", seconds(crashAt), kill.module(),
                            kill.inFlight(), state);
                    long restarting = System.nanoTime();
                    suite.restart(kill.module());
                    say("+%.1f s  %s ready again after %.1f s", seconds(crashAt), kill.module(), seconds(restarting));
                }, r -> {
                    Thread t = new Thread(r, "kill " + kill.module());
                    t.setDaemon(true);
                    t.start();
                }));
            }
            CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).get();
            assertThat(killedWhile).as("services killed with work in flight").containsOnlyKeys(
                    CrashScenario.LOAN, CrashScenario.LIQUIDATION, CrashScenario.DEBT, CrashScenario.NOTIFICATION);

            await("every loan locked, sold and closed, a case for every shortfall").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        watch.check();
                        return watch.loans("LiquidationStarted") == LOANS && watch.loans("LiquidationCompleted") == LOANS
                                && watch.loans("LoanClosed") == LOANS
                                && watch.loans("DebtCaseOpened") == watch.loans("NegativeBalanceRecorded");
                    });
            say("+%.1f s  every stage done: %s", seconds(crashAt), state(watch));
            Set<String> told = new HashSet<>();
            EMAILED.forEach(type -> told.addAll(watch.eventIds(type)));
            Map<String, Set<String>> messageIds = await("an email for every event told").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> emails(people), byEvent -> byEvent.keySet().containsAll(told));
            say("+%.1f s  every email in the borrowers' mailboxes", seconds(crashAt));

            await("every outbox drained").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Suite.SERVICES.keySet().stream().allMatch(m -> Prometheus.sum(suite.serviceUrl(m),
                            "shortfall_outbox_pending").signum() == 0));
            var ends = TopicWatch.endOffsets(bootstrap, Topics.ALL);
            await().atMost(Duration.ofMinutes(1)).until(() -> watch.readUpTo(ends));

            for (String stage : List.of("LiquidationTriggered", "LiquidationStarted", "LiquidationCompleted",
                    "LoanClosed", "NegativeBalanceRecorded", "DebtCaseOpened", "MarginCall")) {
                assertThat(watch.repeated(stage)).as("loans with two different %s events", stage).isEmpty();
            }
            assertThat(watch.caseAmounts()).as("one case per shortfall, of its amount").isEqualTo(watch.shortfalls());
            assertThat(watch.shortfalls()).as("shortfalls").isNotEmpty();

            theBorrowersSeeEachLoanLiquidatedOnce(people, loans.keySet());
            Map<String, Integer> copies = emailCopies(people);
            assertThat(messageIds.keySet()).as("emails of this crash, by the event they tell of").containsAll(told);
            assertThat(messageIds.entrySet()).as("events told in emails with different Message-IDs (seen twice)")
                    .filteredOn(e -> told.contains(e.getKey()) && e.getValue().size() != 1).isEmpty();
            assertThat(told).hasSize(EMAILED.stream().mapToInt(watch::loans).sum());

            Map<TopicPartition, Long> dlqAfter = TopicWatch.endOffsets(bootstrap,
                    Topics.ALL.stream().map(Topics::dlq).toList());
            assertThat(dlqAfter).as("dead-letter topics (nothing refused as poison)").isEqualTo(dlqBefore);
            for (String module : Suite.SERVICES.keySet()) {
                assertThat(Prometheus.sum(suite.serviceUrl(module), "shortfall_outbox_parked_rows"))
                        .as("outbox rows parked by %s", module).isZero();
            }
            say("done in %.1f s after the crash tick: %d loans liquidated once, %d cases, %d emails (%d sent again by "
                            + "a killed sender, same Message-ID), %d records published again with their event id",
                    seconds(crashAt), LOANS, watch.caseAmounts().size(), told.size(),
                    copies.values().stream().mapToInt(n -> n - 1).sum(), watch.redelivered());
        }
    }

    /** What a borrower sees: each loan LIQUIDATED, one liquidation per loan, one case per shortfall, same amount. */
    private void theBorrowersSeeEachLoanLiquidatedOnce(List<BenchUsers.Borrower> people, Set<UUID> loans)
            throws Exception {
        Map<String, String> tokens = new HashMap<>();
        new BenchUsers(api.endpoints().keycloakUrl()).ensure(BORROWERS)                    // fresh tokens
                .forEach(b -> tokens.put(b.username(), b.token()));
        Map<String, Integer> liquidations = new HashMap<>();
        Map<String, BigDecimal> shortfalls = new HashMap<>();
        Map<String, List<BigDecimal>> cases = new HashMap<>();
        int liquidated = 0;
        for (BenchUsers.Borrower b : people) {
            String token = tokens.get(b.username());
            for (JsonNode loan : api.get(CrashScenario.LOAN, "/api/loans?size=100", token).expect(200).body()) {
                if (loans.contains(UUID.fromString(loan.get("id").asText()))) {
                    assertThat(loan.get("status").asText()).as("loan %s", loan.get("id").asText())
                            .isEqualTo("LIQUIDATED");
                    liquidated++;
                }
            }
            for (JsonNode l : api.get(CrashScenario.LIQUIDATION, "/api/liquidations?size=100", token).expect(200).body()) {
                String loan = l.get("loanId").asText();
                if (loans.contains(UUID.fromString(loan))) {
                    liquidations.merge(loan, 1, Integer::sum);
                    BigDecimal shortfall = new BigDecimal(l.get("shortfall").asText());
                    if (shortfall.signum() > 0) {
                        shortfalls.put(loan, shortfall);
                    }
                }
            }
            for (JsonNode c : api.get(CrashScenario.DEBT, "/api/debts?size=100", token).expect(200).body()) {
                String loan = c.get("loanId").asText();
                if (loans.contains(UUID.fromString(loan))) {
                    cases.computeIfAbsent(loan, k -> new ArrayList<>()).add(new BigDecimal(c.get("amount").asText()));
                }
            }
        }
        assertThat(liquidated).as("loans shown LIQUIDATED to their borrowers").isEqualTo(LOANS);
        assertThat(liquidations).as("liquidations per loan").hasSize(LOANS).allSatisfy((loan, n) ->
                assertThat(n).as("liquidations of loan %s", loan).isEqualTo(1));
        assertThat(cases.keySet()).as("loans with a debt case").isEqualTo(shortfalls.keySet());
        cases.forEach((loan, amounts) -> {
            assertThat(amounts).as("debt cases of loan %s", loan).hasSize(1);
            assertThat(amounts.get(0)).as("case of loan %s", loan).isEqualByComparingTo(shortfalls.get(loan));
        });
    }

    /** The borrowers' emails, by the event they tell of: the Message-IDs seen for each. */
    private Map<String, Set<String>> emails(List<BenchUsers.Borrower> people) {
        Map<String, Set<String>> byEvent = new HashMap<>();
        for (BenchUsers.Borrower b : people) {
            for (JsonNode message : api.mailbox(b.email())) {
                String mime = message.path("mimeMessage").asText();
                Matcher event = EVENT.matcher(mime);
                Matcher id = MESSAGE_ID.matcher(mime);
                if (event.find()) {
                    byEvent.computeIfAbsent(event.group(1), k -> new HashSet<>()).add(id.find() ? id.group(1) : "none");
                }
            }
        }
        return byEvent;
    }

    /** How many copies of each event's email the mail server holds (over 1: a killed sender sent it again). */
    private Map<String, Integer> emailCopies(List<BenchUsers.Borrower> people) {
        Map<String, Integer> copies = new HashMap<>();
        for (BenchUsers.Borrower b : people) {
            for (JsonNode message : api.mailbox(b.email())) {
                Matcher event = EVENT.matcher(message.path("mimeMessage").asText());
                if (event.find()) {
                    copies.merge(event.group(1), 1, Integer::sum);
                }
            }
        }
        return copies;
    }

    private static int expectedEmails(TopicWatch watch) {
        return EMAILED.stream().mapToInt(watch::loans).sum();
    }

    private static boolean between(int done, int of) {
        return done > 0 && done < of;
    }

    private static String state(TopicWatch watch) {
        Map<String, Integer> stages = new LinkedHashMap<>();
        for (String stage : List.of("LiquidationTriggered", "LiquidationStarted", "LiquidationCompleted", "LoanClosed",
                "NegativeBalanceRecorded", "DebtCaseOpened")) {
            stages.put(stage, watch.loans(stage));
        }
        return stages.toString();
    }

    /** Opens the loans, 8 requests at a time, round robin over the borrowers. */
    private Map<UUID, BenchUsers.Borrower> open(List<BenchUsers.Borrower> people) throws Exception {
        Map<UUID, BenchUsers.Borrower> opened = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < LOANS; i++) {
                BenchUsers.Borrower b = people.get(i % people.size());
                all.add(clients.submit(() -> {
                    JsonNode loan = api.post(CrashScenario.LOAN, "/api/loans", b.token(), Map.of("collateralAsset",
                            ASSET, "collateralAmount", COLLATERAL, "principal", PRINCIPAL, "autoIncrease", false))
                            .expect(201).body();
                    opened.put(UUID.fromString(loan.get("id").asText()), b);
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return opened;
    }

    /** Posts a price and waits until margin-service and loan-service both know it. */
    private void price(String ops, String price) {
        api.post(CrashScenario.MARGIN, "/api/prices", ops, Map.of("asset", ASSET, "price", price, "source",
                "fault-test")).expect(202);
        BigDecimal wanted = new BigDecimal(price);
        await("margin-service and loan-service know " + ASSET + " at " + price).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> shows(api.get(CrashScenario.MARGIN, "/api/prices", ops).expect(200).body(), wanted)
                        && shows(api.get(CrashScenario.LOAN, "/api/assets", ops).expect(200).body(), wanted));
    }

    private static boolean shows(JsonNode assets, BigDecimal price) {
        for (JsonNode a : assets) {
            if (a.get("asset").asText().equals(ASSET)) {
                JsonNode p = a.path("price");
                return !p.isMissingNode() && !p.isNull() && new BigDecimal(p.asText()).compareTo(price) == 0;
            }
        }
        return false;
    }

    /** Open loans of the asset, as margin-service's risk summary counts them. */
    private long openLoans(String ops) {
        for (JsonNode asset : api.get(CrashScenario.MARGIN, "/api/risk/summary", ops).expect(200).body()) {
            if (asset.get("asset").asText().equals(ASSET)) {
                return asset.get("loans").asLong();
            }
        }
        return 0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println("[kill -9] " + String.format(format, args));
    }
}
