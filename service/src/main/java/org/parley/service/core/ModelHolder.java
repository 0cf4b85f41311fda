package org.parley.service.core;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The model being served. A reload builds the new model completely, then swaps one reference:
 * requests that started on the old model finish on it, new ones get the new one, none is dropped
 * or sees a half-loaded model.
 */
public final class ModelHolder {
    private final Function<Path, ServedModel> loader;
    private final AtomicReference<ServedModel> current;
    private final Object reloading = new Object();

    public ModelHolder(ServedModel initial, Function<Path, ServedModel> loader) {
        this.current = new AtomicReference<>(initial);
        this.loader = loader;
    }

    /** Take it once per request and use that one throughout, so a request never mixes two models. */
    public ServedModel current() {
        return current.get();
    }

    /** @throws RuntimeException from the loader (the old model stays) */
    public ServedModel reload(Path bundle) {
        synchronized (reloading) { // one load at a time: each holds a whole network in memory
            ServedModel next = loader.apply(bundle);
            current.set(next);
            return next;
        }
    }
}
