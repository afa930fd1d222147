package io.shortfall.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Where the infrastructure keeps caches and logs: {@code $SHORTFALL_HOME}, else
 * {@code <repo root>/.shortfall} when the repository root can be found from the working directory,
 * else {@code ~/.cache/shortfall}.
 */
public final class Home {

    private Home() {
    }

    /** The Shortfall repository root (holds the parent pom and infra/), searched upwards from the working directory. */
    public static Optional<Path> repoRoot() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (isRepoRoot(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    static boolean isRepoRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.isDirectory(dir.resolve("infra"))) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<artifactId>shortfall-parent</artifactId>");
        } catch (IOException e) {
            return false;
        }
    }

    /** The cache and log home, created if needed. */
    public static Path dir() {
        String env = System.getenv("SHORTFALL_HOME");
        Path home;
        if (env != null && !env.isBlank()) {
            home = Paths.get(env);
        } else {
            home = repoRoot().map(r -> r.resolve(".shortfall"))
                    .orElseGet(() -> Paths.get(System.getProperty("user.home"), ".cache", "shortfall"));
        }
        return createDirectories(home.toAbsolutePath().normalize());
    }

    private static volatile boolean pruned;

    /** {@code <home>/logs}, created if needed; logs older than two days are pruned once per JVM. */
    public static Path logDir() {
        Path logs = createDirectories(dir().resolve("logs"));
        if (!pruned) {
            pruned = true;
            java.time.Instant cutoff = java.time.Instant.now().minus(java.time.Duration.ofDays(2));
            try (java.util.stream.Stream<Path> files = Files.list(logs)) {
                files.filter(f -> f.toString().endsWith(".log")).forEach(f -> {
                    try {
                        if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                            Files.deleteIfExists(f);
                        }
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            } catch (IOException ignored) {
                // best effort
            }
        }
        return logs;
    }

    /**
     * Whether logs of instances on ephemeral ports (tests) are kept after a clean close: they are
     * deleted unless {@code SHORTFALL_KEEP_LOGS} is set.
     */
    static boolean keepLogs() {
        String v = System.getenv("SHORTFALL_KEEP_LOGS");
        return v != null && !v.isBlank() && !"false".equalsIgnoreCase(v);
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
