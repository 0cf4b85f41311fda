package org.parley.service.core;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A bundle being served. A reload builds the new one completely, then swaps one reference:
 * requests that started on the old one finish on it, new ones get the new one, none is dropped or
 * sees a half-loaded bundle; a load that fails leaves the old one serving.
 */
public class BundleHolder<T> {
    private final Function<Path, T> loader;
    private final AtomicReference<T> current;
    private final Object reloading = new Object();

    public BundleHolder(T initial, Function<Path, T> loader) {
        this.current = new AtomicReference<>(initial);
        this.loader = loader;
    }

    /** Take it once per request and use that one throughout, so a request never mixes two bundles. */
    public T current() {
        return current.get();
    }

    /** The bundle a reload replaced, and the one it put in its place. */
    public record Swap<T>(T was, T now) {}

    /** @throws RuntimeException from the loader (the old bundle stays) */
    public Swap<T> reload(Path bundle) {
        synchronized (reloading) { // one load at a time: each holds whole networks in memory
            T next = loader.apply(bundle);
            // What it replaced is read here, under the lock: read before, a reload waiting behind
            // another would name the bundle before both.
            return new Swap<>(current.getAndSet(next), next);
        }
    }
}
