package io.shortfall.margin.risk;

import java.util.Arrays;

/**
 * A binary min-heap of slots keyed by a {@code long}, in primitive arrays, that knows where each slot sits so a
 * slot's key can be changed or removed in O(log n). {@link #collectAtMost(long, IntBuffer)} walks only the
 * entries whose key is at most a bound: O(k) for k of them, O(1) when there is none.
 */
final class IndexedHeap {

    private long[] keys;
    private int[] slots;
    /** Position in the heap of each slot, -1 when absent. */
    private int[] where;
    private int size;

    IndexedHeap(int capacity) {
        keys = new long[Math.max(capacity, 4)];
        slots = new int[Math.max(capacity, 4)];
        where = new int[Math.max(capacity, 4)];
        Arrays.fill(where, -1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long minKey() {
        return keys[0];
    }

    boolean contains(int slot) {
        return slot < where.length && where[slot] >= 0;
    }

    long keyOf(int slot) {
        return keys[where[slot]];
    }

    /** Inserts, moves or (when {@code present} is false) removes {@code slot}. */
    void set(int slot, long key, boolean present) {
        ensureSlot(slot);
        int at = where[slot];
        if (!present) {
            if (at >= 0) {
                removeAt(at);
            }
            return;
        }
        if (at < 0) {
            if (size == keys.length) {
                int grown = size + (size >> 1) + 1;
                keys = Arrays.copyOf(keys, grown);
                slots = Arrays.copyOf(slots, grown);
            }
            keys[size] = key;
            slots[size] = slot;
            where[slot] = size;
            siftUp(size++);
            return;
        }
        long old = keys[at];
        keys[at] = key;
        if (key < old) {
            siftUp(at);
        } else if (key > old) {
            siftDown(at);
        }
    }

    /** A slot leaves its place to {@code to} (the book compacts its columns). */
    void moveSlot(int from, int to) {
        ensureSlot(Math.max(from, to));
        int at = where[from];
        where[to] = at;
        where[from] = -1;
        if (at >= 0) {
            slots[at] = to;
        }
    }

    /** Adds to {@code out} every slot whose key is at most {@code bound}. */
    void collectAtMost(long bound, IntBuffer out) {
        if (size == 0 || keys[0] > bound) {
            return;
        }
        int[] stack = out.scratch(size);
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int i = stack[--top];
            out.add(slots[i]);
            int child = 2 * i + 1;
            if (child < size && keys[child] <= bound) {
                stack[top++] = child;
            }
            if (child + 1 < size && keys[child + 1] <= bound) {
                stack[top++] = child + 1;
            }
        }
    }

    long bytes() {
        return 8L * keys.length + 4L * slots.length + 4L * where.length;
    }

    void trim(int slotCapacity) {
        keys = Arrays.copyOf(keys, Math.max(size, 4));
        slots = Arrays.copyOf(slots, Math.max(size, 4));
        int old = where.length;
        where = Arrays.copyOf(where, Math.max(slotCapacity, 4));
        if (where.length > old) {
            Arrays.fill(where, old, where.length, -1);
        }
    }

    private void ensureSlot(int slot) {
        if (slot >= where.length) {
            int old = where.length;
            where = Arrays.copyOf(where, Math.max(slot + 1, old + (old >> 1) + 1));
            Arrays.fill(where, old, where.length, -1);
        }
    }

    private void removeAt(int at) {
        int slot = slots[at];
        where[slot] = -1;
        int last = --size;
        if (at == last) {
            return;
        }
        int moved = slots[last];
        keys[at] = keys[last];
        slots[at] = moved;
        where[moved] = at;
        siftUp(at);
        siftDown(where[moved]);
    }

    private void siftUp(int i) {
        long key = keys[i];
        int slot = slots[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            slots[i] = slots[parent];
            where[slots[i]] = i;
            i = parent;
        }
        keys[i] = key;
        slots[i] = slot;
        where[slot] = i;
    }

    private void siftDown(int i) {
        long key = keys[i];
        int slot = slots[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            slots[i] = slots[child];
            where[slots[i]] = i;
            i = child;
        }
        keys[i] = key;
        slots[i] = slot;
        where[slot] = i;
    }
}
