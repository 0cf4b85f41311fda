package org.parley.model;

import java.nio.file.Path;

/** A model bundle that cannot be used: the message names the file and what is wrong with it. */
public final class BundleException extends RuntimeException {
    private final String problem;

    public BundleException(Path file, String problem) {
        this(file, problem, null);
    }

    public BundleException(Path file, String problem, Throwable cause) {
        super("model bundle " + file + ": " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the file: for a message of a file that is not called a model bundle (the span tagger's). */
    public String problem() {
        return problem;
    }
}
