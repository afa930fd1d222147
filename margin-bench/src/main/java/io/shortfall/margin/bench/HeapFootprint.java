package io.shortfall.margin.bench;

import io.shortfall.margin.risk.RiskBook;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap bytes per position: the heap in use (after full collections) with a million positions across three
 * books, minus the heap in use without them, divided by a million; and the books' own count of their arrays.
 * {@code java -cp margin-bench/target/benchmarks.jar io.shortfall.margin.bench.HeapFootprint}
 */
public final class HeapFootprint {

    public static void main(String[] args) throws InterruptedException {
        int positions = args.length > 0 ? Integer.parseInt(args[0]) : Books.POSITIONS;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        RiskBook[] books = Books.build(positions);
        long after = usedAfterGc(memory);
        long arrays = 0;
        for (RiskBook book : books) {
            arrays += book.arrayBytes();
        }
        System.out.printf("positions: %,d across %d assets%n", positions, books.length);
        System.out.printf("heap in use: %,d bytes more = %.1f bytes per position%n", after - before,
                (after - before) / (double) positions);
        System.out.printf("the books' arrays: %,d bytes = %.1f bytes per position%n", arrays,
                arrays / (double) positions);
        System.out.println(books[0].size() + books[1].size() + books[2].size() == positions ? "ok" : "count mismatch");
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private HeapFootprint() {
    }
}
