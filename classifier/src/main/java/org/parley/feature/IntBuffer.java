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
        addAll(values, values.length);
    }

    /** Adds the first {@code count} of {@code values}. */
    void addAll(int[] values, int count) {
        if (n + count > a.length) a = Arrays.copyOf(a, Math.max(n * 2, n + count));
        System.arraycopy(values, 0, a, n, count);
        n += count;
    }

    int[] toArray() {
        return Arrays.copyOf(a, n);
    }

    /**
     * A buffer for each thread, reused from call to call by a method that hands out a copy of its ints.
     * It starts small and grows as calls need; one grown past {@code kept} ints is dropped after its
     * call, so that a thread does not hold a long text's ints for good. The common ForkJoinPool's
     * workers lose their thread-locals after each task (JDK 17), so there a buffer lasts one task:
     * hence the small start.
     */
    static final class PerThread {
        private final int kept;
        private final ThreadLocal<IntBuffer> buffers;

        PerThread(int initial, int kept) {
            this.kept = kept;
            this.buffers = ThreadLocal.withInitial(() -> new IntBuffer(initial));
        }

        /** This thread's buffer, empty (a call that threw may have left ints in it). */
        IntBuffer start() {
            IntBuffer b = buffers.get();
            b.n = 0;
            return b;
        }

        /** A copy of the ints in {@code b}, this thread's buffer; the buffer is dropped if it grew past {@code kept}. */
        int[] finish(IntBuffer b) {
            int[] out = b.toArray();
            if (b.a.length > kept) buffers.remove();
            return out;
        }

        /** Ints this thread's buffer holds before it must grow (for tests). */
        int capacity() {
            return buffers.get().a.length;
        }
    }
}
