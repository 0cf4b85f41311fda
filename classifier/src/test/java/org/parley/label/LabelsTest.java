package org.parley.label;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A corpus's labels of one text (docs/labelled-data-format.md): an attribute left out is unlabelled, never 0; a value
 * is in [0,1]; ROC-AUC reads 0.5 and up as positive. Until the forty-eighth session only the corpus readers' tests
 * reached this class, and mutation testing found none of them failing when "unlabelled" read as labelled or the 0.5
 * boundary moved.
 */
class LabelsTest {
    @Test
    void anAttributeLeftOutIsUnlabelledNotZero() {
        Labels l = Labels.of(Map.of(Attribute.INSULT, 0.0));
        assertTrue(l.has(Attribute.INSULT));
        assertEquals(0f, l.get(Attribute.INSULT));
        assertFalse(l.has(Attribute.TOXICITY), "left out");
        assertEquals(Map.of(Attribute.INSULT, 0f), l.asMap(), "only what is labelled");
        assertFalse(l.isEmpty());
        assertTrue(Labels.none().isEmpty());
        assertTrue(Labels.of(Map.of()).isEmpty());
        assertEquals(Map.of(), Labels.none().asMap());
        assertFalse(Labels.none().positive(Attribute.TOXICITY), "unlabelled is not positive");
    }

    @Test
    void halfAndAboveIsPositive() {
        Labels l = Labels.of(Map.of(Attribute.TOXICITY, 0.5, Attribute.INSULT, Math.nextDown(0.5f), Attribute.THREAT, 1));
        assertTrue(l.positive(Attribute.TOXICITY), "0.5 is positive");
        assertFalse(l.positive(Attribute.INSULT));
        assertTrue(l.positive(Attribute.THREAT));
    }

    @Test
    void aValueOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Labels.of(Map.of(Attribute.TOXICITY, -0.01)));
        assertThrows(IllegalArgumentException.class, () -> Labels.of(Map.of(Attribute.TOXICITY, 1.01)));
        assertThrows(IllegalArgumentException.class, () -> Labels.of(Map.of(Attribute.TOXICITY, Double.NaN)), "NaN means unlabelled");
        assertThrows(IllegalArgumentException.class, () -> Labels.none().with(Attribute.THREAT, 2));
        assertEquals(1f, Labels.of(Map.of(Attribute.TOXICITY, 1)).get(Attribute.TOXICITY), "1 is in");
        assertEquals(0f, Labels.none().with(Attribute.TOXICITY, 0).get(Attribute.TOXICITY), "0 is in");
    }

    @Test
    void withIsACopyWithOneMoreAttribute() {
        Labels before = Labels.of(Map.of(Attribute.INSULT, 1));
        Labels after = before.with(Attribute.THREAT, 0.25);
        assertEquals(Map.of(Attribute.INSULT, 1f, Attribute.THREAT, 0.25f), after.asMap());
        assertFalse(before.has(Attribute.THREAT), "the original is unchanged");
        assertEquals(after, Labels.of(Map.of(Attribute.THREAT, 0.25, Attribute.INSULT, 1)));
        assertEquals(after.hashCode(), Labels.of(Map.of(Attribute.THREAT, 0.25, Attribute.INSULT, 1)).hashCode());
        assertNotEquals(before, after);
        assertNotEquals(before, "INSULT=1");
        assertEquals("{INSULT=1.0, THREAT=0.25}", after.toString(), "in the attributes' order");
    }
}
