package io.shortfall.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} jars, KRaft, combined broker and controller,
 * one node) in its own JVM, listening on 127.0.0.1 only. Its classpath is written by the infra
 * build into {@code io/shortfall/infra/kafka.classpath}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final ChildProcess process;
    private final Path dir;
    private final boolean ephemeral;

    private KafkaBroker(int port, ChildProcess process, Path dir, boolean ephemeral) {
        this.port = port;
        this.process = process;
        this.dir = dir;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts a broker on {@code port} (0: a free port); topics created on first use get
     * {@code defaultPartitions} partitions. Returns once the broker answers an admin client.
     */
    public static KafkaBroker start(int port, int defaultPartitions) {
        Leftovers.reapAll();
        int p = FreePorts.orFree(port);
        FreePorts.requireFree(p, "Kafka");
        int controllerPort = FreePorts.find();
        Path logFile = Home.logDir().resolve("kafka-" + p + ".log");
        Path dir;
        try {
            dir = Files.createTempDirectory("shortfall-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess child = null;
        try {
            Path config = dir.resolve("server.properties");
            writeConfig(config, dir.resolve("data"), p, controllerPort, defaultPartitions);
            String java = Java.current();
            List<String> jvm = List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                    "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser=warn",
                    "-cp", Files2.buildResource("kafka.classpath"));

            format(jvm, config, logFile);

            List<String> cmd = new ArrayList<>(jvm);
            cmd.add("kafka.Kafka");
            cmd.add(config.toString());
            child = ChildProcess.start("kafka:" + p, cmd, Map.of(), dir, logFile, "TERM", Duration.ofSeconds(20),
                    port == 0 && !Home.keepLogs() ? List.of(dir, logFile) : List.of(dir));
            KafkaBroker broker = new KafkaBroker(p, child, dir, port == 0);
            child.awaitReady("ready on 127.0.0.1:" + p, START_TIMEOUT, () -> FreePorts.isListening(p));
            try (Admin admin = broker.admin()) {
                child.awaitReady("to answer describeCluster on 127.0.0.1:" + p, START_TIMEOUT,
                        () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
            }
            return broker;
        } catch (RuntimeException | IOException e) {
            if (child != null) {
                child.close();
            }
            Files2.deleteTree(dir);
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Kafka broker on port " + p + " did not start: " + e
                    + "\nlog " + logFile + ":\n" + Files2.tail(logFile, 40), e);
        }
    }

    private static void writeConfig(Path file, Path data, int port, int controllerPort, int partitions)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("delete.topic.enable", "true");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.retention.hours", "24");
        p.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "Shortfall single-node broker");
        }
    }

    private static void format(List<String> jvm, Path config, Path logFile) throws IOException {
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone", "--ignore-formatted",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        Process format = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("kafka storage format timed out; log " + logFile + ":\n"
                        + Files2.tail(logFile, 30));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("kafka storage format failed (exit " + format.exitValue() + "); log "
                    + logFile + ":\n" + Files2.tail(logFile, 30));
        }
    }

    /** {@code 127.0.0.1:PORT} */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's log file. */
    public Path logFile() {
        return process.logFile();
    }

    /** Creates the topics with {@code partitions} partitions (replication 1); existing ones are fine. */
    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
                try {
                    r.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + r.getKey() + ": " + e.getCause(), e);
                    }
                }
            }
            // Wait until every topic is visible with a leader for every partition.
            Set<String> wanted = Set.copyOf(names);
            process.awaitReady("topics " + wanted + " with leaders", Duration.ofSeconds(30), () ->
                    admin.describeTopics(wanted).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                            .allMatch(d -> d.partitions().stream().allMatch(pi -> pi.leader() != null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw process.failure("creating topics " + names + " timed out");
        }
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "shortfall-infra-admin");
        return Admin.create(p);
    }

    /** Stops the broker JVM, waits for it, deletes its data. */
    @Override
    public void close() {
        process.close();
        Files2.deleteTree(dir);
        if (ephemeral && !Home.keepLogs()) {
            try {
                Files.deleteIfExists(process.logFile());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** The pid of the broker JVM. */
    public long pid() {
        return process.pid();
    }
}
