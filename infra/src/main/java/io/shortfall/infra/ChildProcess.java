package io.shortfall.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started through a small {@code /bin/sh} watchdog so that it never outlives this JVM.
 *
 * <p>The watchdog starts the real command in the background (stdin from /dev/null), writes its pid
 * to a file, then blocks reading its own stdin, a pipe from this JVM. When this JVM closes the pipe
 * ({@link #close()}) or dies, even by SIGKILL, the read hits EOF and the watchdog sends the child
 * the stop signal, waits for it, and SIGKILLs it after a grace period. The child is also recorded
 * in {@link Leftovers}, in case the watchdog itself is killed.
 */
public final class ChildProcess implements AutoCloseable {

    /** $1 pid file, $2 signal, $3 grace seconds, rest: the command. */
    private static final String WATCHDOG = String.join("\n",
            "trap '' INT QUIT", // Ctrl-C in a terminal reaches the whole process group: the owner decides
            "pidfile=\"$1\"; sig=\"$2\"; grace=\"$3\"; shift 3",
            "\"$@\" </dev/null &",
            "c=$!",
            "echo \"$c\" > \"$pidfile.tmp\" && mv \"$pidfile.tmp\" \"$pidfile\"",
            "cat >/dev/null",
            "kill -\"$sig\" \"$c\" 2>/dev/null",
            "( sleep \"$grace\"; kill -KILL \"$c\" 2>/dev/null ) </dev/null >/dev/null 2>&1 &",
            "k=$!",
            "wait \"$c\"",
            "kill \"$k\" 2>/dev/null",
            "exit 0");

    /** Watches an existing process: $1 pid, $2 signal. */
    private static final String WATCH_PID = "trap '' INT QUIT; cat >/dev/null; kill -\"$2\" \"$1\" 2>/dev/null; exit 0";

    private final String what;
    private final Process watchdog;
    private final ProcessHandle child;
    private final Path logFile;
    private final String signal;
    private final Duration grace;
    private final List<Leftovers.Record> records = new ArrayList<>();
    private volatile boolean closed;

    private ChildProcess(String what, Process watchdog, ProcessHandle child, Path logFile, String signal,
                         Duration grace) {
        this.what = what;
        this.watchdog = watchdog;
        this.child = child;
        this.logFile = logFile;
        this.signal = signal;
        this.grace = grace;
    }

    /**
     * Starts {@code command} under a watchdog; stdout and stderr are appended to {@code logFile}.
     *
     * @param what        a short name for messages and the leftovers registry
     * @param signal      polite stop signal: TERM for JVMs, INT for PostgreSQL
     * @param scratchDirs directories to delete if the child has to be reaped as a leftover
     */
    public static ChildProcess start(String what, List<String> command, Map<String, String> env, Path workDir,
                                     Path logFile, String signal, Duration grace, List<Path> scratchDirs) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path pidFile = Files.createTempFile("shortfall-child-", ".pid");
            Files.delete(pidFile);
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "shortfall-watchdog",
                    pidFile.toString(), signal, Long.toString(Math.max(1, grace.toSeconds()))));
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            Process sh = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(pidFile)) {
                if (!sh.isAlive() || System.nanoTime() > deadline) {
                    sh.destroyForcibly();
                    throw new IllegalStateException("could not start " + what + ": " + String.join(" ", command)
                            + "\nlog " + logFile + ":\n" + Files2.tail(logFile, 20));
                }
                Thread.sleep(5);
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Files.deleteIfExists(pidFile);
            ProcessHandle child = ProcessHandle.of(pid).orElse(null);
            if (child == null) {
                sh.getOutputStream().close();
                throw new IllegalStateException(what + " exited at once: " + String.join(" ", command)
                        + "\nlog " + logFile + ":\n" + Files2.tail(logFile, 40));
            }
            ChildProcess cp = new ChildProcess(what, sh, child, logFile, signal, grace);
            cp.records.add(Leftovers.registry().register(child, what, signal, scratchDirs));
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + what, e);
        }
    }

    /**
     * Watches a process this JVM did not start directly (PostgreSQL's postmaster, which daemonizes):
     * a watchdog sends it {@code signal} when this JVM closes the pipe or dies.
     */
    static ChildProcess watch(String what, ProcessHandle target, Path logFile, String signal, Duration grace,
                              List<Path> scratchDirs) {
        try {
            Process sh = new ProcessBuilder("/bin/sh", "-c", WATCH_PID, "shortfall-watchdog",
                    Long.toString(target.pid()), signal)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            ChildProcess cp = new ChildProcess(what, sh, target, logFile, signal, grace);
            cp.records.add(Leftovers.registry().register(target, what, signal, scratchDirs));
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a watchdog for " + what, e);
        }
    }

    /**
     * Also records the child's current descendants (e.g. the JVM that a launcher script started)
     * as leftovers to reap; call once the process is up.
     */
    public void registerDescendants() {
        child.descendants().forEach(d -> records.add(Leftovers.registry().register(d, what, signal, List.of())));
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    public long pid() {
        return child.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public String what() {
        return what;
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        return Files2.tail(logFile, lines);
    }

    /** An exception that names the process, its log file and the log's tail. */
    public IllegalStateException failure(String message) {
        return new IllegalStateException(message + "\n" + what + " log " + logFile + " (last lines):\n"
                + logTail(40));
    }

    /** Waits until {@code check} passes, failing early if the process dies. */
    public void awaitReady(String description, Duration timeout, Check check) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (true) {
            if (!isAlive()) {
                throw failure(what + " exited before " + description);
            }
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(what + " did not get " + description + " within " + timeout.toSeconds() + " s"
                        + (last == null ? "" : " (last error: " + last + ")"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** A readiness probe. */
    @FunctionalInterface
    public interface Check {
        boolean ready() throws Exception;
    }

    /** Stops the child (via its watchdog) and waits until it and its descendants are gone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> tree = new ArrayList<>(child.descendants().toList());
        tree.add(child);
        try {
            OutputStream pipe = watchdog.getOutputStream();
            pipe.close();
        } catch (IOException ignored) {
            // the watchdog is gone already; fall through to direct stopping
        }
        // The watchdog sends the signal too; sending it here as well covers a watchdog that is gone.
        Leftovers.stop(child, signal, grace);
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                Leftovers.stop(h, "TERM", Duration.ofSeconds(5));
            }
        }
        try {
            watchdog.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.destroyForcibly();
        records.forEach(Leftovers.registry()::unregister);
    }
}
