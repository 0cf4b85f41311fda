package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WordCacheTest {
    @Test
    void keepsEveryPostInOrderIncludingOnesWithNoWord(@TempDir Path dir) throws Exception {
        List<List<SpanExplainer.Word>> tune = List.of(
                List.of(new SpanExplainer.Word(new Span(0, 5, 2.25f), 0.5f), new SpanExplainer.Word(new Span(6, 9, -0.125f), 0f)),
                List.of());
        List<List<SpanExplainer.Word>> dev = List.of(List.of(), List.of(new SpanExplainer.Word(new Span(3, 4, 1e-3f), 0.75f)));
        Path file = dir.resolve("words.txt");
        WordCache.write(file, List.of(tune, dev));
        assertEquals(List.of(tune, dev), WordCache.read(file));
    }

    /** On a full disk (/dev/full here) the error names the file; until the forty-eighth session it said "No space left on device" alone. */
    @Test
    void aFileThatCannotBeWrittenIsNamed(@TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "Linux's /dev/full");
        Path file = Files.createSymbolicLink(dir.resolve("words.txt"), full);
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> WordCache.write(file, List.of(List.of(List.of()))));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
    }
}
