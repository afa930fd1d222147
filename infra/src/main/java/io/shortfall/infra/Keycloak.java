package io.shortfall.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its distribution ({@code org.keycloak:keycloak-quarkus-dist} zip, fetched by the
 * infra build), unpacked once into {@code $SHORTFALL_HOME/keycloak-VERSION} and run as
 * {@code kc.sh start-dev} (in-memory H2) with the {@code shortfall} realm imported. Keycloak 26
 * needs a JDK 21 or newer; see {@link #findJava()}.
 *
 * <p>Its host name is fixed ({@code --hostname=http://localhost:PORT}): every token carries the issuer
 * {@link #issuerUrl()} whether it was asked for at {@code localhost} or at {@code 127.0.0.1}. The realm's
 * client {@code shortfall-app} puts the audience {@value #AUDIENCE} in its access tokens, which the services
 * require; a token of any other client (Keycloak's own {@code admin-cli}, say) is refused by them.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "shortfall";
    public static final String CLIENT_ID = "shortfall-app";
    /** The web app's confidential client (authorization code flow with PKCE) and its secret in the local realm. */
    public static final String WEB_CLIENT_ID = "shortfall-web";
    public static final String WEB_CLIENT_SECRET = "shortfall-web-local-secret";
    /** The audience the services require ({@code quarkus.oidc.token.audience}), put in by the realm's clients. */
    public static final String AUDIENCE = "shortfall";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final ReentrantLock START_LOCK = new ReentrantLock();

    private final int port;
    private final ChildProcess process;
    private final Path scratch;
    private final boolean ephemeral;

    private Keycloak(int port, ChildProcess process, Path scratch, boolean ephemeral) {
        this.port = port;
        this.process = process;
        this.scratch = scratch;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts Keycloak on {@code port} (0: a free port) and returns once the realm's discovery
     * document answers (the first start takes about a minute, later ones about 15 s).
     */
    public static Keycloak start(int port) {
        Leftovers.reapAll();
        Path javaHome = findJava().orElseThrow(() -> new IllegalStateException(
                "Keycloak 26 needs a JDK 21 or newer, and none was found (JAVA_HOME, SHORTFALL_KEYCLOAK_JAVA_HOME, "
                        + "/usr/lib/jvm/*). Set SHORTFALL_KEYCLOAK_JAVA_HOME to one, or install one, e.g. "
                        + "`apt-get install openjdk-21-jdk-headless`."));
        int p = FreePorts.orFree(port);
        FreePorts.requireFree(p, "Keycloak");
        int management = FreePorts.find();
        Path logFile = Home.logDir().resolve("keycloak-" + p + ".log");
        // Concurrent starts from one distribution are serialized (the first one re-augments it).
        START_LOCK.lock();
        try (FileChannel lockFile = FileChannel.open(Home.dir().resolve("keycloak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            Path dist = unpacked();
            Path imports = Files.createDirectories(dist.resolve("data").resolve("import"));
            try (InputStream realm = Keycloak.class.getResourceAsStream("shortfall-realm.json")) {
                Path tmp = Files.createTempFile(imports, "realm", ".tmp");
                Files.copy(realm, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, imports.resolve("shortfall-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Path scratch = Files.createTempDirectory("shortfall-keycloak-");
            Files.deleteIfExists(logFile);
            List<String> cmd = List.of(dist.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + p, "--http-management-port=" + management,
                    // One issuer however a client reaches it (localhost or 127.0.0.1): hostname v2.
                    "--hostname=http://localhost:" + p,
                    "--health-enabled=true", "--db=dev-mem", "--import-realm",
                    "-Dquarkus.transaction-manager.object-store.directory=" + scratch.resolve("transaction-logs"));
            Map<String, String> env = Map.of(
                    "JAVA_HOME", javaHome.toString(),
                    "JAVA", javaHome.resolve("bin").resolve("java").toString(),
                    "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                    "JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED -Djava.io.tmpdir=" + scratch,
                    "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            ChildProcess child = ChildProcess.start("keycloak:" + p, cmd, env, dist, logFile, "TERM",
                    Duration.ofSeconds(20), port == 0 && !Home.keepLogs() ? List.of(scratch, logFile) : List.of(scratch));
            Keycloak kc = new Keycloak(p, child, scratch, port == 0);
            try {
                child.awaitReady("the realm's discovery document (" + kc.discoveryUrl() + ")", START_TIMEOUT,
                        () -> Http.ok(kc.discoveryUrl()));
                child.registerDescendants();
            } catch (RuntimeException e) {
                child.close();
                Files2.deleteTree(scratch);
                throw e;
            }
            return kc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak: " + e, e);
        } finally {
            START_LOCK.unlock();
        }
    }

    /** {@code http://localhost:PORT/realms/shortfall} */
    public String issuerUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** {@code http://localhost:PORT} */
    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    String discoveryUrl() {
        return issuerUrl() + "/.well-known/openid-configuration";
    }

    /** Keycloak's log. */
    public Path logFile() {
        return process.logFile();
    }

    /** An access token for the user, by the password grant on client {@code shortfall-app}. */
    public String token(String username, String password) {
        return token(CLIENT_ID, username, password);
    }

    /**
     * An access token for the user, by the password grant on {@code clientId} of the realm (e.g. Keycloak's own
     * {@code admin-cli}, whose tokens the services must refuse).
     */
    public String token(String clientId, String username, String password) {
        return tokenAt(url(), clientId, username, password);
    }

    /** The same, asked for at {@code baseUrl} (e.g. {@code http://127.0.0.1:PORT}). */
    String tokenAt(String baseUrl, String clientId, String username, String password) {
        String url = baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token";
        try {
            HttpResponse<String> r = Http.postForm(url, Map.of(
                    "grant_type", "password", "client_id", clientId,
                    "username", username, "password", password, "scope", "openid"));
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + username + " from " + url + ": HTTP "
                        + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("token request to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
        Files2.deleteTree(scratch);
        if (ephemeral && !Home.keepLogs()) {
            try {
                Files.deleteIfExists(process.logFile());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    // ---------------------------------------------------------------- the JDK

    /**
     * A JDK 21+ home for Keycloak: {@code JAVA_HOME} if it is 21 or newer, else this JVM's if it is,
     * else {@code SHORTFALL_KEYCLOAK_JAVA_HOME}, else the oldest 21+ under /usr/lib/jvm.
     */
    public static Optional<Path> findJava() {
        List<Path> candidates = new ArrayList<>();
        env("JAVA_HOME").ifPresent(candidates::add);
        candidates.add(Java.currentHome());
        env("SHORTFALL_KEYCLOAK_JAVA_HOME").ifPresent(candidates::add);
        for (Path c : candidates) {
            if (javaVersion(c).orElse(0) >= 21) {
                return Optional.of(c);
            }
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> javaVersion(d).orElse(0) >= 21)
                    .min((a, b) -> Integer.compare(javaVersion(a).orElse(0), javaVersion(b).orElse(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Paths.get(v));
    }

    /** The major version from a JDK's {@code release} file (JAVA_VERSION="21.0.5" → 21, "1.8.0" → 8). */
    static Optional<Integer> javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(release)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(v);
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        if (major == 1 && m.group(2) != null) {
            major = Integer.parseInt(m.group(2));
        }
        return Optional.of(major);
    }

    // ---------------------------------------------------------------- the distribution

    /** The distribution zip in the local Maven repository (its location is written by the infra build). */
    static Path distributionZip() {
        Path zip = Paths.get(Files2.buildResource("keycloak.dist"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution " + zip + " is missing; run `./mvnw -q -pl infra install`");
        }
        return zip;
    }

    /** The version of the distribution, from its file name. */
    public static String version() {
        Matcher m = Pattern.compile("keycloak-quarkus-dist-(.+)\\.zip$").matcher(distributionZip().getFileName().toString());
        if (!m.find()) {
            throw new IllegalStateException("unexpected distribution name " + distributionZip());
        }
        return m.group(1);
    }

    /** Unpacks the distribution into the cache once (call with the start lock held). */
    static Path unpacked() throws IOException {
        Path target = Home.dir().resolve("keycloak-" + version());
        if (Files.isRegularFile(target.resolve("bin").resolve("kc.sh"))) {
            return target;
        }
        Path tmp = Files.createTempDirectory(Home.dir(), "keycloak-unpacking-");
        try (ZipFile zip = new ZipFile(distributionZip().toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                String rel = slash < 0 ? name : name.substring(slash + 1); // strip keycloak-VERSION/
                if (rel.isEmpty()) {
                    continue;
                }
                Path out = tmp.resolve(rel).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("bad zip entry " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (rel.startsWith("bin/") && rel.endsWith(".sh")) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
            Files2.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files2.deleteTree(tmp);
        }
        return target;
    }
}
