package org.parley.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped model bundle lives, so the service and scripts agree without configuration. */
public final class Bundles {
    /** The bundle committed with the project, relative to the project root. */
    public static final String SHIPPED = "models/toxicity.zip";

    private Bundles() {}

    /**
     * The shipped bundle: under {@code -Dparley.home} (set by scripts/), else under the first
     * directory upwards from the working directory that has one.
     */
    public static Path shipped() {
        String home = System.getProperty("parley.home");
        if (home != null) return Path.of(home).resolve(SHIPPED);
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent())
            if (Files.exists(dir.resolve(SHIPPED))) return dir.resolve(SHIPPED);
        return start.resolve(SHIPPED);
    }
}
