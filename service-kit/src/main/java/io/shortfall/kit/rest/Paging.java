package io.shortfall.kit.rest;

import io.quarkus.panache.common.Page;

/**
 * {@code ?page=&size=} of every list: page from 0, size 1 to 100, 20 by default. A page whose first row would lie
 * beyond {@link #MAX_OFFSET} is refused (no list is that long, and the offset must fit the database's integer).
 */
public final class Paging {

    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 100;
    public static final int MAX_OFFSET = 1_000_000_000;

    public static Page page(int page, int size) {
        if (page < 0) {
            throw Problems.invalid("page", "query", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.invalid("size", "query", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw Problems.invalid("page", "query", "must be at most " + MAX_OFFSET / size + " with size " + size);
        }
        return Page.of(page, size);
    }

    private Paging() {
    }
}
