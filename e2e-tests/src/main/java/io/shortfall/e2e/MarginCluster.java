package io.shortfall.e2e;

import io.shortfall.e2e.bench.Prometheus;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.LoanEvents.LoanOpened;
import io.shortfall.events.PriceTick;
import io.shortfall.events.Thresholds;
import io.shortfall.events.Topics;
import io.shortfall.infra.ChildProcess;
import io.shortfall.infra.FreePorts;
import io.shortfall.infra.Home;
import io.shortfall.infra.KafkaBroker;
import io.shortfall.infra.Postgres;
import io.shortfall.infra.suite.Suite;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * margin-service alone, as {@code replicas} processes of its built jar in one consumer group on one database, with
 * its own PostgreSQL and Kafka: fed {@code loan.events} and {@code market.prices} as loan-service and the price feed
 * would, read back from {@code margin.events}. Used by {@code ./shortfall bench tick} and by the replicas test.
 * No identity provider runs: nothing here calls the service's API, only its health and metrics.
 */
public final class MarginCluster implements AutoCloseable {

    private static final String DATABASE = "margin";

    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final List<ChildProcess> replicas = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final KafkaProducer<String, String> producer;

    private MarginCluster(Postgres postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
    }

    /** Starts PostgreSQL, Kafka (the suite's topics, 3 partitions each) and {@code replicas} instances. */
    public static MarginCluster start(Path repoRoot, int replicas) {
        Path jar = repoRoot.resolve("margin-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build margin-service first (./mvnw -q -DskipTests install)");
        }
        Postgres pg = Postgres.start(FreePorts.find(), List.of(DATABASE));
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(FreePorts.find(), Suite.TOPIC_PARTITIONS);
            List<String> topics = new ArrayList<>(Topics.ALL);
            Topics.ALL.forEach(t -> topics.add(Topics.dlq(t)));
            broker.createTopics(topics, Suite.TOPIC_PARTITIONS);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        MarginCluster cluster = new MarginCluster(pg, broker);
        try {
            for (int i = 0; i < replicas; i++) {
                cluster.startReplica(repoRoot, jar, i);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startReplica(Path repoRoot, Path jar, int index) {
        int port = FreePorts.find();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Suite.serviceJvmOptions());
        cmd.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(DATABASE),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(DATABASE),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                // no identity provider: the API is not called; the issuer is only looked up when a token comes
                "-Dquarkus.oidc.auth-server-url=http://127.0.0.1:" + FreePorts.find() + "/realms/none",
                "-jar", jar.toString()));
        Path log = Home.logDir().resolve("margin-cluster-" + index + "-" + port + ".log");
        ChildProcess p = ChildProcess.start("margin-service #" + index, cmd, Map.of(),
                repoRoot.resolve("margin-service"), log, "TERM", Duration.ofSeconds(15), List.of());
        replicas.add(p);
        String url = "http://127.0.0.1:" + port;
        urls.add(url);
        p.awaitReady("ready (" + url + "/q/health/ready answering 200)", Duration.ofSeconds(120),
                () -> status(url + "/q/health/ready") == 200);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The replicas' base URLs ({@code /q/metrics}, {@code /q/health}). */
    public List<String> replicaUrls() {
        return List.copyOf(urls);
    }

    /** Publishes a tick of {@code asset} at {@code price} observed now, as the price feed would. */
    public void tick(String asset, BigDecimal price) {
        Instant now = Instant.now();
        send(Topics.MARKET_PRICES, new PriceTick(asset, price, "bench", now), now);
        producer.flush();
    }

    /**
     * Publishes a {@code LoanOpened} for {@code loan}, as loan-service would: {@code collateral} of {@code asset}
     * against {@code principal} USDT, the default thresholds, no auto increase. Sent with the next ones; {@link
     * #flush()} waits until all are on the topic.
     */
    public void open(UUID loan, String asset, BigDecimal collateral, BigDecimal principal) {
        Instant now = Instant.now();
        send(Topics.LOAN_EVENTS, new LoanOpened(loan, "borrower-" + Math.floorMod(loan.hashCode(), 1000), asset,
                collateral, principal, "USDT", new BigDecimal("0.10"), Thresholds.DEFAULTS, false, now, 1), now);
    }

    /** Waits until every event published so far is on its topic. */
    public void flush() {
        producer.flush();
    }

    private void send(String topic, EventPayload payload, Instant at) {
        var envelope = EventJson.envelope(payload, "bench", at);
        producer.send(new ProducerRecord<>(topic, payload.aggregateId(), EventJson.write(envelope)));
    }

    /** How many open positions of {@code asset} margin-service holds (its database, as every replica reads it). */
    public long positions(String asset) {
        return count("select count(*) from position where collateral_asset = '" + asset + "' and status <> 'CLOSED'");
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read margin-service's database: " + e.getMessage(), e);
        }
    }

    /** Positions of {@code asset} not yet triggered. */
    public long untriggered(String asset) {
        return count("select count(*) from position where collateral_asset = '" + asset + "' and not triggered");
    }

    /** Whether the round of decisions of {@code asset}'s latest price has finished (every position it reached). */
    public boolean decidedThroughLatestTick(String asset) {
        return count("select count(*) from asset_price p join asset_decided d using (asset) where p.asset = '"
                + asset + "' and d.through >= p.observed_at") == 1;
    }

    /** The live replica that has triggered liquidations of {@code asset} (the one deciding its ticks), or -1. */
    public int triggering(String asset) {
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).isAlive() && Prometheus.sum(urls.get(i), "shortfall_liquidations_triggered_total",
                    "asset=\"" + asset + "\"").signum() > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every live replica's outbox is drained (all its events published). */
    public boolean outboxesDrained() {
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).isAlive() && Prometheus.sum(urls.get(i), "shortfall_outbox_pending").signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Kills replica {@code index} with SIGKILL, as the kernel's OOM killer or a node failure would. */
    public void kill(int index) {
        ProcessHandle.of(replicas.get(index).pid()).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** The log of replica {@code index}, for a failure's message. */
    public String logTail(int index) {
        return replicas.get(index).logTail(40);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        for (ChildProcess p : replicas) {
            p.close();
        }
        kafka.close();
        postgres.close();
    }
}
