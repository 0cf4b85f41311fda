package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.label.Attribute;

/**
 * The tiny corpora under src/test/resources/corpus/: one folder per corpus, same file names,
 * headers and quoting quirks as training-data/, with a few hand-written rows whose labels the
 * tests state.
 */
final class Fixtures {
    private Fixtures() {}

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Example> load(String name) throws IOException {
        return Corpora.load(root(), name);
    }

    static Example byId(List<Example> examples, String id) {
        return examples.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no example with id " + id + " in " + examples.stream().map(Example::id).toList()));
    }

    /**
     * Asserts the example has exactly these labels: pairs of attribute and value; every attribute
     * not listed must be unlabelled.
     */
    static void assertLabels(Example e, Object... attributeValuePairs) {
        Map<Attribute, Double> expected = new EnumMap<>(Attribute.class);
        for (int i = 0; i < attributeValuePairs.length; i += 2) {
            expected.put((Attribute) attributeValuePairs[i], ((Number) attributeValuePairs[i + 1]).doubleValue());
        }
        for (Attribute a : Attribute.values()) {
            if (expected.containsKey(a)) {
                if (!e.labels().has(a)) fail(e.source() + " " + e.id() + ": " + a + " should be labelled " + expected.get(a) + ", is unlabelled");
                assertEquals(expected.get(a), e.labels().get(a), 1e-6, e.source() + " " + e.id() + ": " + a);
            } else {
                assertFalse(e.labels().has(a), e.source() + " " + e.id() + ": " + a + " should be unlabelled, is " + e.labels().get(a));
                assertTrue(Float.isNaN(e.labels().get(a)), "unlabelled is stored as NaN");
            }
        }
    }
}
