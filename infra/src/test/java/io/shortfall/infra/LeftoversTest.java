package io.shortfall.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeftoversTest {

    @Test
    void aChildOfADeadOwnerIsKilledAtTheNextReapAndItsDirectoriesDeleted(@TempDir Path tmp) throws Exception {
        Leftovers registry = new Leftovers(tmp.resolve("registry"));
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor(10, TimeUnit.SECONDS);
        Instant ownerStart = deadOwner.toHandle().info().startInstant().orElse(Instant.now());

        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process keeper = new ProcessBuilder("sleep", "300").start();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try {
            registry.register(deadOwner.pid(), ownerStart, orphan.toHandle(), "test-orphan", "TERM", List.of(scratch));
            registry.register(ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null),
                    keeper.toHandle(), "test-kept", "TERM", List.of());
            assertEquals(2, registry.records().size());

            assertEquals(1, registry.reap());

            assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "orphan killed");
            assertFalse(Files.exists(scratch), "scratch dir of the dead owner deleted");
            assertTrue(keeper.isAlive(), "child of a live owner untouched");
            assertEquals(1, registry.records().size(), "only the live owner's record is left");
        } finally {
            orphan.destroyForcibly();
            keeper.destroyForcibly();
        }
    }

    @Test
    void aRecycledPidIsNotKilled(@TempDir Path tmp) throws Exception {
        Leftovers registry = new Leftovers(tmp);
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor(10, TimeUnit.SECONDS);
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            // Recorded with a start time an hour earlier: the same pid now belongs to another process.
            Path rec = registry.register(deadOwner.pid(), null, other.toHandle(), "recycled", "TERM", List.of()).file();
            String text = Files.readString(rec).replaceAll("childStart=(\\d+)",
                    "childStart=" + (other.toHandle().info().startInstant().orElseThrow().toEpochMilli() - 3_600_000));
            Files.writeString(rec, text);
            assertEquals(0, registry.reap());
            assertTrue(other.isAlive());
            assertTrue(registry.records().isEmpty(), "stale record dropped");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theWatchdogStopsTheChildWhenItsOwnerJvmIsKilledHard() throws Exception {
        // A separate JVM starts a `sleep` through ChildProcess, prints the child's pid, then waits.
        String cp = System.getProperty("java.class.path");
        Process owner = new ProcessBuilder(Java.current(), "-cp", cp, WatchdogOwner.class.getName())
                .redirectErrorStream(true).start();
        try {
            long childPid = Long.parseLong(firstLine(owner));
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertTrue(child.isAlive());
            owner.destroyForcibly(); // SIGKILL: no shutdown hooks run
            assertTrue(child.onExit().get(15, TimeUnit.SECONDS) != null);
            assertFalse(child.isAlive(), "child stopped by the watchdog after its owner was SIGKILLed");
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void postgresStopsWhenItsOwnerJvmIsKilledHard() throws Exception {
        String cp = System.getProperty("java.class.path");
        Process owner = new ProcessBuilder(Java.current(), "-cp", cp, PostgresOwner.class.getName())
                .redirectErrorStream(true).start();
        try {
            int port = Integer.parseInt(firstLine(owner));
            assertTrue(FreePorts.isListening(port), "postgres up on " + port);
            owner.destroyForcibly();
            owner.waitFor(10, TimeUnit.SECONDS);
            await("postgres stops after its owner was SIGKILLed").atMost(Duration.ofSeconds(20))
                    .until(() -> !FreePorts.isListening(port));

            Leftovers.reapAll(); // what the next start does: drops the record and the data directory
            assertTrue(Leftovers.registry().records().stream().noneMatch(r -> r.ownerPid() == owner.pid()));
        } finally {
            owner.destroyForcibly();
        }
    }

    private static String firstLine(Process p) throws java.io.IOException {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.matches("\\d+")) {
                return line;
            }
        }
        throw new AssertionError("owner JVM printed no pid/port; exit " + p.exitValue());
    }

    /** Owner JVM for the test above: starts PostgreSQL, prints its port, waits. */
    public static final class PostgresOwner {
        public static void main(String[] args) throws Exception {
            Postgres pg = Postgres.start(0, List.of("app"));
            System.out.println(pg.port());
            System.out.flush();
            new CountDownLatch(1).await(); // until the test kills this JVM
        }
    }

    /** Owner JVM for the test above. */
    public static final class WatchdogOwner {
        public static void main(String[] args) throws Exception {
            ChildProcess c = ChildProcess.start("test-sleep", List.of("sleep", "300"), Map.of(), null,
                    Files.createTempFile("watchdog", ".log"), "TERM", java.time.Duration.ofSeconds(5), List.of());
            System.out.println(c.pid());
            System.out.flush();
            new CountDownLatch(1).await(); // until the test kills this JVM
        }
    }
}
