package io.shortfall.e2e;

import io.shortfall.e2e.bench.Prometheus;
import io.shortfall.e2e.bench.TopicWatch;
import io.shortfall.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three margin-service instances in one consumer group on one database, as the prod overlay runs them: each consumes
 * a share of {@code loan.events}, one of them the price; every position, whichever instance took its loan, is
 * decided once by the crash tick. Then an instance is killed with SIGKILL in the middle of a tick's decisions, and
 * the others finish them: every position triggered, none decided twice (an event the killed instance's relay had
 * published but not yet marked is published again with the same event id, which every consumer drops).
 */
class MarginReplicasIT {

    private static final int REPLICAS = 3;
    private static MarginCluster cluster;

    @BeforeAll
    static void start() {
        cluster = MarginCluster.start(Path.of(System.getProperty("shortfall.repo.root", "..")), REPLICAS);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyPositionIsDecidedOnceWhicheverInstanceTookItsLoan() throws Exception {
        cluster.tick("BTC", new BigDecimal("60000"));
        Set<UUID> loans = open("BTC", 900);
        for (String replica : cluster.replicaUrls()) {
            assertThat(Prometheus.sum(replica, "shortfall_consumer_records_total",
                    "consumer=\"margin-service.loan.events\""))
                    .as("loan events consumed by %s", replica).isPositive();
        }

        crashAndExpectEveryTriggerOnce("BTC", loans, false);
    }

    @Test
    void aTickIsFinishedByTheOthersWhenTheInstanceDecidingItIsKilled() throws Exception {
        cluster.tick("ETH", new BigDecimal("60000"));
        Set<UUID> loans = open("ETH", 6000);

        crashAndExpectEveryTriggerOnce("ETH", loans, true);
    }

    /** Opens {@code count} loans of 1 {@code asset} at LTV 0.45..0.55 and waits until margin-service holds them. */
    private static Set<UUID> open(String asset, int count) {
        Set<UUID> loans = new HashSet<>();
        for (int i = 0; i < count; i++) {
            UUID loan = UUID.randomUUID();
            loans.add(loan);
            cluster.open(loan, asset, BigDecimal.ONE, new BigDecimal(27_000 + i * 6_000 / count));
        }
        cluster.flush();
        await().atMost(Duration.ofMinutes(3)).until(() -> cluster.positions(asset) == count);
        return loans;
    }

    /** Crashes {@code asset} to 31,000 (LTV 0.87..1.06, past every liquidation threshold). */
    private static void crashAndExpectEveryTriggerOnce(String asset, Set<UUID> loans, boolean killTheDecider)
            throws Exception {
        var from = TopicWatch.endOffsets(cluster.bootstrapServers(), List.of(Topics.MARGIN_EVENTS));
        try (TopicWatch watch = new TopicWatch(cluster.bootstrapServers(), from, loans)) {
            cluster.tick(asset, new BigDecimal("31000"));
            if (killTheDecider) {
                int decider = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                        .until(() -> cluster.triggering(asset), i -> i >= 0);
                cluster.kill(decider);
                assertThat(cluster.untriggered(asset)).as("positions left to decide when the instance was killed")
                        .isPositive();
            }
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                watch.check();
                assertThat(watch.loans("LiquidationTriggered")).isEqualTo(loans.size());
            });
            await().atMost(Duration.ofMinutes(1)).until(() -> cluster.decidedThroughLatestTick(asset)
                    && cluster.outboxesDrained());
            var ends = TopicWatch.endOffsets(cluster.bootstrapServers(), List.of(Topics.MARGIN_EVENTS));
            await().atMost(Duration.ofMinutes(1)).until(() -> watch.readUpTo(ends));
            assertThat(watch.repeated("LiquidationTriggered")).as("positions triggered twice").isEmpty();
            System.out.printf("%s: %d records published again with their event id%n", asset, watch.redelivered());
            assertThat(watch.repeated("ZoneChanged")).as("zone changes told twice").isEmpty();
            assertThat(watch.loans("ZoneChanged")).isEqualTo(loans.size());
        }
    }
}
