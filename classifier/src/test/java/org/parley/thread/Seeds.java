package org.parley.thread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed pages under seeds/ at the repository root, found by walking up from the working directory. */
public final class Seeds {
    public static final String ARTICLE = "000_a34849246ac6736f.txt";
    public static final String COMMENT_PAGE = "001_ebaeb092d28a86a2.txt";

    private Seeds() {}

    public static Path path(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("seeds");
            if (Files.isDirectory(seeds)) return seeds.resolve(name);
        }
        throw new IllegalStateException("no seeds/ directory above " + Path.of("").toAbsolutePath());
    }

    public static String read(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
