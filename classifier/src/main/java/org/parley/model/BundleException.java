package org.parley.model;

import java.nio.file.Path;

/** A model bundle that cannot be used: the message names the file and what is wrong with it. */
public final class BundleException extends RuntimeException {
    public BundleException(Path file, String problem) {
        super("model bundle " + file + ": " + problem);
    }

    public BundleException(Path file, String problem, Throwable cause) {
        super("model bundle " + file + ": " + problem, cause);
    }
}
