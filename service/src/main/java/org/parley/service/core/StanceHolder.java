package org.parley.service.core;

import java.nio.file.Path;
import java.util.function.Function;

/** The stance bundle being served, reloadable as {@link ModelHolder} reloads the toxicity bundle. */
public final class StanceHolder extends BundleHolder<ServedStance> {
    public StanceHolder(ServedStance initial, Function<Path, ServedStance> loader) {
        super(initial, loader);
    }
}
