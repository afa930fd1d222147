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

    public static void main(String[] args) {
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

    /** The heap in use once full collections stop freeing anything (at most ten of them). */
    private static long usedAfterGc(MemoryMXBean memory) {
        long previous;
        long used = Long.MAX_VALUE;
        int collections = 0;
        do {
            previous = used;
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
        } while (used < previous && ++collections < 10);
        return Math.min(previous, used);
    }

    private HeapFootprint() {
    }
}
