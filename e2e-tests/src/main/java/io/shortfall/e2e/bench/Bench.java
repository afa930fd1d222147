package io.shortfall.e2e.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code ./shortfall bench crash|tick|pages [--option value ...]}: the benchmarks, and what they share. */
public final class Bench {

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "crash" -> CrashBench.main(rest);
            case "tick" -> TickBench.main(rest);
            case "pages" -> PageBench.main(rest);
            default -> {
                System.out.println("""
                        Usage: ./shortfall bench crash [--loans 1000] [--borrowers 100] [--clients 16] [--timeout 900]
                                 against the running suite (./shortfall up): opens the loans, crashes BTC in one tick,
                                 prints each stage's time and checks the invariants
                               ./shortfall bench tick [--positions 100000] [--replicas 1]
                                 margin-service alone (its own PostgreSQL and Kafka): one tick reaching every position
                               ./shortfall bench pages [--requests 200] [--ticks 10]
                                 against the running suite: each web page's time to answer, and a zone change's
                                 time from the tick to the live page""");
                System.exit(which.equals("help") ? 0 : 2);
            }
        }
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** Polls {@code condition} every 200 ms until it holds, or fails after {@code patience}. */
    static void await(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void printMachine() {
        long memory = -1;
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            memory = Long.parseLong(line.replaceAll("\\D+", "")) / 1024 / 1024;
        } catch (Exception ignored) {
            // not Linux
        }
        System.out.printf("Machine: %d cores, %d GiB, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                memory, System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getRuntimeMXBean().getVmVersion());
    }

    private Bench() {
    }
}
