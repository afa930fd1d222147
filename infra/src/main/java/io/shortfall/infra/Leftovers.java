package io.shortfall.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A registry of the processes (and their scratch directories) that this library started, so that
 * ones left behind by a JVM that died without cleaning up (SIGKILL, crash) are stopped at the next
 * start. Each record names the owner JVM and the child, with the start time of each so that a
 * recycled pid is never mistaken for them.
 *
 * <p>The records live in {@code ${java.io.tmpdir}/shortfall-infra/}, one file per child.
 */
public final class Leftovers {

    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private final Path dir;

    Leftovers(Path dir) {
        this.dir = Home.createDirectories(dir);
    }

    /** The registry shared by every JVM on this machine. */
    public static Leftovers registry() {
        return new Leftovers(Paths.get(System.getProperty("java.io.tmpdir"), "shortfall-infra"));
    }

    /** Stops everything registered by JVMs that are gone. Called at every start. */
    public static int reapAll() {
        return registry().reap();
    }

    /** One registered child. */
    public record Record(long ownerPid, Instant ownerStart, long childPid, Instant childStart,
                         String what, String signal, List<Path> directories, Path file) {
    }

    /** Registers a child of the current JVM. {@code signal} is the polite stop signal (TERM, INT). */
    public Record register(ProcessHandle child, String what, String signal, List<Path> directories) {
        ProcessHandle self = ProcessHandle.current();
        return register(self.pid(), startOf(self).orElse(null), child, what, signal, directories);
    }

    /** Registers a child under the given owner (tests use a dead owner). */
    Record register(long ownerPid, Instant ownerStart, ProcessHandle child, String what, String signal,
                    List<Path> directories) {
        Properties p = new Properties();
        p.setProperty("owner", Long.toString(ownerPid));
        if (ownerStart != null) {
            p.setProperty("ownerStart", Long.toString(ownerStart.toEpochMilli()));
        }
        p.setProperty("child", Long.toString(child.pid()));
        Instant childStart = startOf(child).orElse(null);
        if (childStart != null) {
            p.setProperty("childStart", Long.toString(childStart.toEpochMilli()));
        }
        p.setProperty("what", what);
        p.setProperty("signal", signal);
        p.setProperty("directories", String.join(java.io.File.pathSeparator,
                directories.stream().map(Path::toString).toList()));
        Path file = dir.resolve(ownerPid + "-" + child.pid() + ".properties");
        try {
            Path tmp = Files.createTempFile(dir, "rec", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, what);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Record(ownerPid, ownerStart, child.pid(), childStart, what, signal, directories, file);
    }

    /** Removes a record once its child has been stopped the normal way. */
    public void unregister(Record record) {
        if (record != null) {
            try {
                Files.deleteIfExists(record.file());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** All records currently on file. */
    public List<Record> records() {
        List<Record> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".properties"))::iterator) {
                read(f).ifPresent(out::add);
            }
        } catch (IOException e) {
            // nothing to reap
        }
        return out;
    }

    /**
     * Stops the children of owners that are no longer alive, deletes their directories and records.
     *
     * @return how many live children were stopped
     */
    public int reap() {
        int killed = 0;
        for (Record r : records()) {
            if (isAlive(r.ownerPid(), r.ownerStart())) {
                continue;
            }
            Optional<ProcessHandle> child = ProcessHandle.of(r.childPid())
                    .filter(h -> h.isAlive() && sameStart(h, r.childStart()));
            if (child.isPresent()) {
                stop(child.get(), r.signal(), Duration.ofSeconds(10));
                killed++;
            }
            r.directories().forEach(Files2::deleteTree);
            unregister(r);
        }
        return killed;
    }

    /** Sends the polite signal, waits, then SIGKILL. */
    static void stop(ProcessHandle h, String signal, Duration grace) {
        if (!h.isAlive()) {
            return;
        }
        if ("TERM".equals(signal)) {
            h.destroy();
        } else {
            signal(h.pid(), signal);
        }
        try {
            h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            h.destroyForcibly();
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gave it all we have
            }
        }
    }

    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isAlive(long pid, Instant start) {
        return ProcessHandle.of(pid).filter(h -> h.isAlive() && sameStart(h, start)).isPresent();
    }

    static Optional<Instant> startOf(ProcessHandle h) {
        return h.info().startInstant();
    }

    private static boolean sameStart(ProcessHandle h, Instant expected) {
        if (expected == null) {
            return true; // nothing better to go by
        }
        return startOf(h)
                .map(actual -> Duration.between(expected, actual).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(true);
    }

    private static Optional<Record> read(Path f) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            List<Path> dirs = new ArrayList<>();
            String d = p.getProperty("directories", "");
            if (!d.isBlank()) {
                for (String s : d.split(java.io.File.pathSeparator)) {
                    dirs.add(Paths.get(s));
                }
            }
            return Optional.of(new Record(
                    Long.parseLong(p.getProperty("owner")),
                    instant(p.getProperty("ownerStart")),
                    Long.parseLong(p.getProperty("child")),
                    instant(p.getProperty("childStart")),
                    p.getProperty("what", "?"),
                    p.getProperty("signal", "TERM"),
                    dirs, f));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written or foreign: ignore
        }
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
