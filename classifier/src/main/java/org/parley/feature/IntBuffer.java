package org.parley.feature;

import java.util.Arrays;

/** A growable int array: avoids boxing on the feature hot paths. */
final class IntBuffer {
    private int[] a;
    private int n;

    IntBuffer(int capacity) {
        a = new int[Math.max(16, capacity)];
    }

    void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    void addAll(int[] values) {
        if (n + values.length > a.length) a = Arrays.copyOf(a, Math.max(n * 2, n + values.length));
        System.arraycopy(values, 0, a, n, values.length);
        n += values.length;
    }

    int[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
