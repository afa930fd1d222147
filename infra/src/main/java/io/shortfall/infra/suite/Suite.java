package io.shortfall.infra.suite;

import io.shortfall.infra.ChildProcess;
import io.shortfall.infra.FreePorts;
import io.shortfall.infra.Home;
import io.shortfall.infra.KafkaBroker;
import io.shortfall.infra.Keycloak;
import io.shortfall.infra.MailServer;
import io.shortfall.infra.Postgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The whole local system: PostgreSQL, Kafka, GreenMail, Keycloak, the five services and the web app, each
 * service as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}. Logs go to
 * {@code <SHORTFALL_HOME>/logs/}.
 *
 * <pre>
 * java -cp infra/target/classes:$(cat infra/target/infra.classpath) io.shortfall.infra.suite.Suite up|down
 * </pre>
 */
public final class Suite implements AutoCloseable {

    /** Module name to database name, in start order. */
    public static final Map<String, String> SERVICES;

    static {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("loan-service", "loan");
        s.put("margin-service", "margin");
        s.put("liquidation-service", "liquidation");
        s.put("debt-collection-service", "debt");
        s.put("notification-service", "notification");
        SERVICES = Collections.unmodifiableMap(s);
    }

    /** The browser front end: started last, it calls the services with the signed-in person's token. */
    public static final String WEB_APP = "web-app";

    /** Topics created at start (3 partitions), each with a {@code .dlq} twin. */
    public static final List<String> TOPICS = List.of(
            "market.prices", "loan.events", "margin.events", "liquidation.events", "debt.events", "notification.events");

    public static final int TOPIC_PARTITIONS = 3;

    /**
     * The local suite's assets cover every liquidation rule: BTC is sold whole with recourse (a shortfall is the
     * borrower's debt), ETH in part (PARTIAL: just enough to get back to the initial LTV, the loan goes on), SOL
     * whole without recourse (the insurance fund takes the shortfall). Production sets each asset's terms itself.
     */
    static final List<String> DEMO_ASSETS = List.of(
            "-Dshortfall.assets.ETH.liquidation-policy=PARTIAL",
            "-Dshortfall.assets.SOL.recourse=NON_RECOURSE");

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

    private final SuiteConfig config;
    private volatile Postgres postgres;
    private volatile KafkaBroker kafka;
    private volatile MailServer mail;
    private volatile Keycloak keycloak;
    private final Map<String, ChildProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;

    private Suite(SuiteConfig config) {
        this.config = config;
    }

    /** Starts everything, independent parts in parallel; on failure stops what had started and rethrows. */
    public static Suite start(SuiteConfig config) {
        Suite suite = new Suite(config);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String module : config.servicePorts().keySet()) {
            Path jar = config.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": build the services first (./mvnw -q -DskipTests install)");
            }
            jars.put(module, jar);
        }
        Path webJar = config.repoRoot().resolve(WEB_APP).resolve("target/quarkus-app/quarkus-run.jar");
        if (config.webPort() != 0 && !Files.isRegularFile(webJar)) {
            throw new IllegalStateException("missing " + webJar + ": build the suite first (./mvnw -q -DskipTests install)");
        }
        CompletableFuture<Keycloak> kc = async(() -> keycloak = Keycloak.start(config.keycloakPort()));
        CompletableFuture<Postgres> pg = async(() -> postgres = Postgres.start(config.postgresPort(),
                List.copyOf(SERVICES.values())));
        CompletableFuture<KafkaBroker> broker = async(() -> {
            kafka = KafkaBroker.start(config.kafkaPort(), TOPIC_PARTITIONS);
            List<String> topics = new ArrayList<>(TOPICS);
            TOPICS.forEach(t -> topics.add(t + ".dlq"));
            kafka.createTopics(topics, TOPIC_PARTITIONS);
            return kafka;
        });
        CompletableFuture<MailServer> smtp = async(() -> mail = MailServer.start(config.smtpPort(), config.mailApiPort()));
        join(CompletableFuture.allOf(kc, pg, broker, smtp), List.of(kc, pg, broker, smtp));

        List<CompletableFuture<ChildProcess>> started = new ArrayList<>();
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            started.add(async(() -> startService(e.getKey(), e.getValue())));
        }
        join(CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)), started);
        if (config.webPort() != 0) {
            startWebApp(webJar);
        }
    }

    /** The web app, pointed at the issuer and at each service this suite runs (the others: their usual ports). */
    private void startWebApp(Path jar) {
        List<String> props = new ArrayList<>(List.of("-Dquarkus.oidc.auth-server-url=" + keycloak.issuerUrl(),
                "-Dquarkus.oidc.client-id=" + Keycloak.WEB_CLIENT_ID,
                "-Dquarkus.oidc.credentials.secret=" + Keycloak.WEB_CLIENT_SECRET,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers()));
        for (String module : config.servicePorts().keySet()) {
            props.add("-Dshortfall.services." + SERVICES.get(module) + "=" + serviceUrl(module));
        }
        launch(WEB_APP, config.webPort(), jar, props, false);
    }

    private ChildProcess startService(String module, Path jar) {
        return startService(module, jar, false);
    }

    /** Starts a service on its port and database; {@code again}: after a kill, its log is appended to. */
    private ChildProcess startService(String module, Path jar, boolean again) {
        int port = config.servicePorts().get(module);
        String db = SERVICES.get(module);
        List<String> props = new ArrayList<>(List.of(
                "-Dquarkus.datasource.username=" + postgres.username(),
                "-Dquarkus.datasource.password=" + postgres.password(),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(db),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(db),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.oidc.auth-server-url=" + keycloak.issuerUrl()));
        if (module.equals("loan-service")) {
            props.addAll(DEMO_ASSETS);
        }
        if (module.equals("notification-service")) {
            props.addAll(List.of("-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.port=" + mail.smtpPort(),
                    "-Dquarkus.mailer.mock=false"));
        }
        return launch(module, port, jar, props, again);
    }

    /** Runs a Quarkus jar on a port with these system properties; returns once it reports ready. */
    private ChildProcess launch(String module, int port, Path jar, List<String> props, boolean again) {
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(serviceJvmOptions());
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", jar.toString()));
        Path log = Home.logDir().resolve(module + "-" + port + ".log");
        if (!again) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // appended to then
            }
        }
        FreePorts.requireFree(port, module);
        ChildProcess p = ChildProcess.start(module, cmd, Map.of(), config.repoRoot().resolve(module), log, "TERM",
                Duration.ofSeconds(15), List.of());
        services.put(module, p);
        String health = "http://localhost:" + port + "/q/health/ready";
        p.awaitReady("ready (" + health + " answering 200)", SERVICE_READY_TIMEOUT, () -> status(health) == 200);
        return p;
    }

    /**
     * The services' JVM options: {@code SHORTFALL_SERVICE_JVM_OPTS} when set, otherwise a small footprint: the
     * quick compiler only (on two cores the optimizing one spends the first minutes of a crash compiling), the serial
     * collector, a 256 MB heap, a bounded code cache and metaspace, thread stacks of 512 KB.
     */
    public static List<String> serviceJvmOptions() {
        String custom = System.getenv("SHORTFALL_SERVICE_JVM_OPTS");
        if (custom != null && !custom.isBlank()) {
            return List.of(custom.trim().split("\\s+"));
        }
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xss512k",
                "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m");
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static <T> CompletableFuture<T> async(Supplier<T> s) {
        return CompletableFuture.supplyAsync(s, r -> {
            Thread t = new Thread(r, "suite-start");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for all; the first failure (by position) is rethrown with its own message. */
    private static void join(CompletableFuture<Void> all, List<? extends CompletableFuture<?>> parts) {
        try {
            all.get();
        } catch (ExecutionException e) {
            for (CompletableFuture<?> f : parts) {
                if (f.isCompletedExceptionally()) {
                    try {
                        f.join();
                    } catch (CompletionException ce) {
                        throw ce.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ce.getCause());
                    }
                }
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the suite", e);
        }
    }

    public SuiteConfig config() {
        return config;
    }

    /** {@code http://localhost:PORT} of a service module, e.g. {@code loan-service}. */
    public String serviceUrl(String module) {
        Integer port = config.servicePorts().get(module);
        if (port == null) {
            throw new IllegalArgumentException("unknown service " + module + "; known: " + config.servicePorts().keySet());
        }
        return "http://localhost:" + port;
    }

    /**
     * Kills a service's process with SIGKILL, as the kernel's OOM killer or a lost node would (no shutdown hook, no
     * graceful stop: its consumers, relay and requests die where they are), and waits until it is gone.
     */
    public void kill(String module) {
        ChildProcess p = services.get(module);
        if (p == null) {
            throw new IllegalArgumentException("service " + module + " is not running");
        }
        ProcessHandle.of(p.pid()).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
        p.close();                                                  // its watchdog and leftovers record
        services.remove(module, p);
    }

    /** Starts a killed service again, on the same port and database; returns once it is ready. */
    public void restart(String module) {
        if (closed) {
            throw new IllegalStateException("the suite is stopped");
        }
        if (services.containsKey(module)) {
            throw new IllegalStateException(module + " is running; kill it first");
        }
        startService(module, config.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), true);
    }

    /** {@code http://localhost:PORT} of the web app. */
    public String webUrl() {
        return "http://localhost:" + config.webPort();
    }

    /** The log file of a service module. */
    public Path serviceLog(String module) {
        ChildProcess p = services.get(module);
        if (p == null) {
            throw new IllegalArgumentException("service " + module + " is not running");
        }
        return p.logFile();
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public MailServer mail() {
        return mail;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** Stops the services (in parallel), then Keycloak, GreenMail, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChildProcess> running;
        synchronized (services) {
            running = new ArrayList<>(services.values());
        }
        Collections.reverse(running);
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ChildProcess p : running) {
            stops.add(CompletableFuture.runAsync(p::close));
        }
        stops.forEach(f -> {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the watchdog and the leftovers registry take care of it
            }
        });
        quietly(keycloak);
        quietly(mail);
        quietly(kafka);
        quietly(postgres);
    }

    private static void quietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("while stopping " + c + ": " + e);
        }
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) throws Exception {
        String cmd = args.length == 0 ? "help" : args[0];
        switch (cmd) {
            case "up" -> up();
            case "down" -> System.exit(down());
            default -> {
                System.out.println("usage: Suite up|down");
                System.exit(cmd.equals("help") ? 0 : 2);
            }
        }
    }

    static Path pidFile() {
        return Home.dir().resolve("suite.pid");
    }

    private static void up() throws Exception {
        Path pidFile = pidFile();
        if (Files.exists(pidFile)) {
            long pid = readPid(pidFile);
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("A suite is already running (pid " + pid + "). Stop it with ./shortfall down.");
                System.exit(1);
            }
            Files.deleteIfExists(pidFile);
        }
        Path repoRoot = Home.repoRoot().orElse(Paths.get("").toAbsolutePath());
        SuiteConfig config = SuiteConfig.defaults(repoRoot);
        System.out.println("Starting PostgreSQL, Kafka, GreenMail and Keycloak, then the five services and the web app"
                + " (logs: " + Home.logDir() + ") ...");
        long t0 = System.nanoTime();
        Suite[] holder = new Suite[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Suite s;
            synchronized (holder) {
                s = holder[0];
            }
            if (s != null) {
                System.out.println("\nStopping the suite ...");
                s.close();
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException ignored) {
                    // best effort
                }
                System.out.println("Stopped.");
            }
            stopped.countDown();
        }, "suite-shutdown"));
        Suite suite;
        try {
            suite = start(config);
        } catch (RuntimeException e) {
            System.err.println("\nThe suite did not start:\n" + e.getMessage());
            System.exit(1);
            return;
        }
        synchronized (holder) {
            holder[0] = suite;
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.println(suite.describe(Duration.ofNanos(System.nanoTime() - t0)));
        stopped.await(); // until SIGINT / SIGTERM runs the hook
    }

    private static int down() throws IOException, InterruptedException {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            System.out.println("No suite is running (no " + pidFile + ").");
            return 0;
        }
        long pid = readPid(pidFile);
        var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            System.out.println("No suite is running (stale pid file for " + pid + " removed).");
            Files.deleteIfExists(pidFile);
            return 0;
        }
        System.out.println("Stopping the suite (pid " + pid + ") ...");
        handle.get().destroy();
        try {
            handle.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            System.out.println("Still running after 90 s; killing it.");
            handle.get().destroyForcibly();
            try {
                handle.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported below
            }
        }
        if (handle.get().isAlive()) {
            System.err.println("Could not stop pid " + pid + ".");
            return 1;
        }
        Files.deleteIfExists(pidFile);
        System.out.println("Stopped.");
        return 0;
    }

    private static long readPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The "where is everything" table printed by {@code up}. */
    public String describe(Duration startedIn) {
        StringBuilder b = new StringBuilder();
        String line = "-".repeat(100);
        b.append('\n').append(line).append('\n');
        b.append(String.format("Shortfall is up (%.1f s). Stop: Ctrl-C here, or ./shortfall down%n",
                startedIn.toMillis() / 1000.0));
        b.append(line).append('\n');
        if (config.webPort() != 0) {
            b.append(String.format("Web app      %s   sign in as alice/alice (borrower), agent/agent, sue/sue or ops/ops%n",
                    webUrl()));
        } else {
            b.append(String.format("Web app      not started (SHORTFALL_WITHOUT): run it yourself, e.g. in dev mode%n"));
        }
        b.append("Services\n");
        for (String module : config.servicePorts().keySet()) {
            String url = serviceUrl(module);
            b.append(String.format("  %-25s %-24s OpenAPI %s/q/openapi%n", module, url, url));
        }
        for (String module : SERVICES.keySet()) {
            if (!config.servicePorts().containsKey(module)) {
                b.append(String.format("  %-25s not started (SHORTFALL_WITHOUT): run it yourself, e.g. in dev mode%n",
                        module));
            }
        }
        String kcUrl = keycloak.url();
        b.append("Keycloak\n");
        b.append(String.format("  %-10s %s  (admin console %s/admin, admin / admin)%n", "URL", kcUrl, kcUrl));
        b.append(String.format("  %-10s %s%n", "issuer", keycloak.issuerUrl()));
        b.append(String.format("  %-10s %s (public, password grant; its tokens carry the audience %s, which the"
                + " services require)%n", "client", Keycloak.CLIENT_ID, Keycloak.AUDIENCE));
        b.append(String.format("  %-10s alice/alice, bob/bob, carol/carol, dave/dave (borrower); agent/agent (agent);"
                + " sue/sue (agent, supervisor); ops/ops (operator)%n", "users"));
        b.append(String.format("  %-10s BTC sold whole with recourse; ETH in part (PARTIAL); SOL whole without"
                + " recourse (the insurance fund takes the shortfall)%n", "assets"));
        b.append(String.format("  %-10s curl -s -d grant_type=password -d client_id=%s -d username=alice"
                + " -d password=alice %s/protocol/openid-connect/token%n", "token", Keycloak.CLIENT_ID,
                keycloak.issuerUrl()));
        b.append("Mail (GreenMail)\n");
        b.append(String.format("  %-10s 127.0.0.1:%d (any user, no auth)%n", "SMTP", mail.smtpPort()));
        b.append(String.format("  %-10s %s   e.g. %s/api/user/alice@example.com/messages/%n", "REST API",
                mail.apiUrl(), mail.apiUrl()));
        b.append("PostgreSQL 18\n");
        b.append(String.format("  %-10s %s / %s%n", "user", postgres.username(), postgres.password()));
        for (String db : SERVICES.values()) {
            b.append(String.format("  %-13s %s%n", db, postgres.jdbcUrl(db)));
        }
        b.append("Kafka\n");
        b.append(String.format("  %-10s %s%n", "bootstrap", kafka.bootstrapServers()));
        b.append(String.format("  %-10s %s (+ .dlq each), %d partitions%n", "topics", String.join(", ", TOPICS),
                TOPIC_PARTITIONS));
        b.append(String.format("Logs         %s%n", Home.logDir()));
        b.append(line);
        return b.toString();
    }
}
