package org.parley.feature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The settings' limits, each at its edge: the least value taken, and one less refused, naming it. */
class FeatureConfigTest {
    @Test
    void theLeastSettingsAreTakenAndOneLessIsRefused() {
        FeatureConfig least = new FeatureConfig(1, 0, 0, 1, 1, 1, 0);
        assertEquals(1, least.maxTokens());
        assertEquals("maxTokens must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(0, 0, 0, 1, 1, 1, 0)).getMessage());
        assertEquals("bucket counts must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(1, -1, 0, 1, 1, 1, 0)).getMessage());
        assertEquals("bucket counts must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(1, 0, -1, 1, 1, 1, 0)).getMessage());
        assertEquals("wideBuckets must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(1, 0, 0, 1, 1, 0, 0)).getMessage());
        assertEquals("need 1 <= charMin <= charMax, was 0..1",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(1, 0, 0, 0, 1, 1, 0)).getMessage());
        assertEquals("need 1 <= charMin <= charMax, was 3..2",
                assertThrows(IllegalArgumentException.class, () -> new FeatureConfig(1, 0, 0, 3, 2, 1, 0)).getMessage());
    }
}
