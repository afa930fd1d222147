package io.shortfall.kit.rest;

import io.quarkus.panache.common.Page;

/** {@code ?page=&size=} of every list (API.md): page from 0, size 1 to 100, 20 by default. */
public final class Paging {

    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 100;

    public static Page page(int page, int size) {
        if (page < 0) {
            throw Problems.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return Page.of(page, size);
    }

    private Paging() {
    }
}
