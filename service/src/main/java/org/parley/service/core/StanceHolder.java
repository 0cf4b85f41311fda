package org.parley.service.core;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The stance bundle being served, reloadable as {@link ModelHolder} reloads the toxicity bundle:
 * the new bundle is loaded completely, then one reference is swapped; a load that fails leaves
 * the old bundle serving. A request takes {@link #current()} once and uses it throughout.
 */
public final class StanceHolder {
    private final Function<Path, ServedStance> loader;
    private final AtomicReference<ServedStance> current;
    private final Object reloading = new Object();

    public StanceHolder(ServedStance initial, Function<Path, ServedStance> loader) {
        this.current = new AtomicReference<>(initial);
        this.loader = loader;
    }

    public ServedStance current() {
        return current.get();
    }

    /** @throws RuntimeException from the loader (the old bundle stays) */
    public ServedStance reload(Path bundle) {
        synchronized (reloading) { // one load at a time: each holds two networks in memory
            ServedStance next = loader.apply(bundle);
            current.set(next);
            return next;
        }
    }
}
