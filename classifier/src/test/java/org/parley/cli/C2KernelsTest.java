package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.model.Bundles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/lib/c2-kernels.json, the HotSpot compiler directives under which scripts/score runs: a
 * renamed class or method would leave its loop to C1 without a word, and scoring slower. Every name
 * it gives C2 must exist, and everything else stays excluded from C2.
 */
class C2KernelsTest {
    private static final Path FILE = Bundles.shipped().getParent().getParent().resolve("scripts/lib/c2-kernels.json");

    @Test
    void everyClassAndMethodGivenToC2Exists() throws IOException, ClassNotFoundException {
        JsonNode directives = new ObjectMapper().readTree(FILE.toFile());
        assertEquals(2, directives.size(), "the kernels, then everything else");
        assertFalse(directives.get(0).path("c2").path("Exclude").asBoolean(true));
        List<String> patterns = new ArrayList<>();
        directives.get(0).path("match").forEach(p -> patterns.add(p.asText()));
        assertFalse(patterns.isEmpty());
        for (String pattern : patterns) {
            int dot = pattern.lastIndexOf('.');
            Class<?> type = Class.forName(pattern.substring(0, dot).replace('/', '.'));
            String method = pattern.substring(dot + 1);
            if (!method.equals("*"))
                assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)), pattern + ": no such method");
        }
        assertEquals("*.*", directives.get(1).path("match").asText());
        assertTrue(directives.get(1).path("c2").path("Exclude").asBoolean(false));
    }
}
