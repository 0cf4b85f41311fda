package org.parley.service.core;

import java.nio.file.Path;
import java.util.function.Function;

/** The toxicity model being served (scorer, explainer, provenance), reloadable without dropping requests. */
public final class ModelHolder extends BundleHolder<ServedModel> {
    public ModelHolder(ServedModel initial, Function<Path, ServedModel> loader) {
        super(initial, loader);
    }
}
