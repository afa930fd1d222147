package io.shortfall.e2e.bench;

import io.shortfall.e2e.MarginCluster;
import io.shortfall.events.Topics;
import io.shortfall.infra.Home;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./shortfall bench tick}: margin-service alone (its built jar, its own PostgreSQL and Kafka, one or more
 * replicas in one consumer group), holding {@code --positions} BTC loans opened at 60,000, then one tick to 31,000
 * that takes every one of them past its liquidation threshold. Prints how long margin-service took from the tick to
 * the last {@code LiquidationTriggered} published on {@code margin.events}, and checks that every position was
 * triggered exactly once.
 */
final class TickBench {

    static final String ASSET = "BTC";
    static final BigDecimal OPEN_PRICE = new BigDecimal("60000");
    static final BigDecimal CRASH_PRICE = new BigDecimal("31000");

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int positions = Integer.parseInt(options.getOrDefault("positions", "100000"));
        int replicas = Integer.parseInt(options.getOrDefault("replicas", "1"));
        Path repo = Home.repoRoot().orElseThrow(() -> new IllegalStateException("run from the repository"));
        Bench.printMachine();
        System.out.printf("margin-service x%d alone: %d %s positions opened at %s, one tick to %s%n", replicas,
                positions, ASSET, OPEN_PRICE, CRASH_PRICE);

        long t = System.nanoTime();
        try (MarginCluster cluster = MarginCluster.start(repo, replicas)) {
            System.out.printf("  started PostgreSQL, Kafka and %d replica(s): %.1f s%n", replicas, seconds(t));
            cluster.tick(ASSET, OPEN_PRICE);
            Set<UUID> loans = new HashSet<>();
            t = System.nanoTime();
            // 1 BTC against 27,000..33,000 USDT: LTV 0.45..0.55 at 60,000, 0.87..1.06 at 31,000 (all past 0.8333)
            for (int i = 0; i < positions; i++) {
                UUID loan = UUID.randomUUID();
                loans.add(loan);
                cluster.open(loan, ASSET, BigDecimal.ONE, new BigDecimal(27_000 + i % 6_001));
            }
            cluster.flush();
            System.out.printf("  %d LoanOpened published: %.1f s%n", positions, seconds(t));
            Bench.await("margin-service to hold every position", Duration.ofMinutes(15),
                    () -> cluster.positions(ASSET) >= positions);
            System.out.printf("  margin-service holds them: %.1f s (%.0f positions/s)%n", seconds(t),
                    positions / seconds(t));

            var from = TopicWatch.endOffsets(cluster.bootstrapServers(), List.of(Topics.MARGIN_EVENTS));
            try (TopicWatch watch = new TopicWatch(cluster.bootstrapServers(), from, loans)) {
                long tickAt = System.currentTimeMillis();
                cluster.tick(ASSET, CRASH_PRICE);
                Bench.await("a LiquidationTriggered for every position", Duration.ofMinutes(15), () -> {
                    watch.check();
                    return watch.loans("LiquidationTriggered") >= positions;
                });
                double published = (watch.lastNew("LiquidationTriggered") - tickAt) / 1000.0;
                // the watch may still be reading the records after the last one; repeats would come with the rest
                Bench.await("the zone changes", Duration.ofMinutes(5), () -> watch.loans("ZoneChanged") >= positions);
                System.out.println();
                System.out.println("| margin-service, one tick | positions | decided, committed and published |");
                System.out.println("|---|---|---|");
                System.out.printf("| %d replica(s) | %d | %.1f s (%.0f positions/s) |%n", replicas, positions,
                        published, positions / published);
                List<UUID> twice = watch.repeated("LiquidationTriggered");
                System.out.printf("%nInvariants: every position triggered %s; triggered twice: %d; records "
                                + "published again with their event id: %d%n",
                        watch.loans("LiquidationTriggered") == positions ? "once" : "NOT once", twice.size(),
                        watch.redelivered());
                if (!twice.isEmpty()) {
                    System.exit(1);
                }
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private TickBench() {
    }
}
