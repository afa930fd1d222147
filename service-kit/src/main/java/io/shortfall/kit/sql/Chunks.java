package io.shortfall.kit.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits rows for multi-row statements into chunks whose sizes are powers of two, at most {@link #MAX}: a
 * statement written for {@code n} rows then has one of eleven shapes, so the ORM's cache of statement plans holds a
 * handful of entries, not one per batch size.
 */
public final class Chunks {

    public static final int MAX = 512;

    public static <T> List<List<T>> of(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            int size = Math.min(MAX, Integer.highestOneBit(rows.size() - from));
            chunks.add(rows.subList(from, from + size));
            from += size;
        }
        return chunks;
    }

    private Chunks() {
    }
}
