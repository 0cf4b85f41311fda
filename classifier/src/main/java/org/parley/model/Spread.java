package org.parley.model;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Whether a list of texts is spread over the cores (a parallel stream on the common pool) or scored on the calling
 * thread. Spread is the default: one batch on idle cores is answered sooner. Work that shares the cores with other
 * requests already keeping them busy runs {@link #onCallingThread}: spread, the calling thread waited for the pool's
 * worker by spinning in {@code ForkJoinPool.helpComplete}, 4–10 % of the CPU samples of two batches scored at once on
 * 2 cores, with no idle core to gain from (docs/experiments.md, "Batch scoring speed"). The same scores either way.
 */
public final class Spread {
    private static final ThreadLocal<Boolean> CALLING_THREAD = ThreadLocal.withInitial(() -> false);

    private Spread() {}

    /** {@code work}'s result, every list it scores scored on this thread. */
    public static <T> T onCallingThread(Supplier<T> work) {
        if (CALLING_THREAD.get()) return work.get();
        CALLING_THREAD.set(true);
        try {
            return work.get();
        } finally {
            CALLING_THREAD.set(false);
        }
    }

    /** A stream of the items: parallel when there are at least {@code parallel} of them, unless on the calling thread. */
    public static <T> Stream<T> stream(List<T> items, int parallel) {
        return items.size() >= parallel && !CALLING_THREAD.get() ? items.parallelStream() : items.stream();
    }
}
