package org.parley.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parley.feature.FeatureConfig;
import org.parley.model.NetworkConfig;

/** Each bound at its least value is taken, one below it refused naming the setting and the value. */
class TrainingOptionsTest {
    private static TrainingOptions with(int epochs, int batchSize, int stackingFolds) {
        return new TrainingOptions(FeatureConfig.defaults(), NetworkConfig.defaults(), epochs, 2, batchSize, 3, 60_000, 7, 2.0, stackingFolds);
    }

    @Test
    void eachBoundTakesItsLeastValueAndRefusesOneBelow() {
        TrainingOptions least = with(1, 1, 2);
        assertEquals(1, least.epochs());
        assertEquals(1, least.batchSize());
        assertEquals(2, least.stackingFolds());
        assertEquals("epochs must be >= 1, was 0", assertThrows(IllegalArgumentException.class, () -> with(0, 1, 2)).getMessage());
        assertEquals("batchSize must be >= 1, was 0", assertThrows(IllegalArgumentException.class, () -> with(1, 0, 2)).getMessage());
        assertEquals("stackingFolds must be >= 2, was 1", assertThrows(IllegalArgumentException.class, () -> with(1, 1, 1)).getMessage());
    }
}
