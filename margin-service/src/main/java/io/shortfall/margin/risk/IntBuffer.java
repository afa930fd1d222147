package io.shortfall.margin.risk;

import java.util.Arrays;

/** A growable list of ints, reused from tick to tick. */
final class IntBuffer {

    private int[] values = new int[64];
    private int[] scratch = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    void clear() {
        size = 0;
    }

    /** Sorts and drops repeats. */
    void sortDistinct() {
        Arrays.sort(values, 0, size);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || values[kept - 1] != values[i]) {
                values[kept++] = values[i];
            }
        }
        size = kept;
    }

    /** A stack for a heap walk, as deep as the heap is large. */
    int[] scratch(int capacity) {
        if (scratch.length < capacity) {
            scratch = new int[capacity];
        }
        return scratch;
    }
}
