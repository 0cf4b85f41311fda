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

    /** The sixty-third session's bounds: the wide part's C above 0 and finite, patience from 0, the vocabulary from 1. */
    @Test
    void theWidePartsCPatienceAndVocabularyBoundsTakeTheirLeastValues() {
        java.util.function.Function<Object[], TrainingOptions> make = a -> new TrainingOptions(FeatureConfig.defaults(),
                NetworkConfig.defaults(), 1, (int) a[0], 1, (int) a[1], (int) a[2], 7, (double) a[3], 2);
        TrainingOptions least = make.apply(new Object[] {0, 1, 1, Double.MIN_VALUE});
        assertEquals(0, least.patience());
        assertEquals(Double.MIN_VALUE, least.wideC());
        for (Object[] bad : new Object[][] {{-1, 1, 1, 1.0, "patience must be >= 0, was -1"}, {0, 0, 1, 1.0, "vocabulary size and minimum count must be >= 1, were 1 and 0"},
                {0, 1, 0, 1.0, "vocabulary size and minimum count must be >= 1, were 0 and 1"}, {0, 1, 1, 0.0, "wide C must be above 0, was 0.0"},
                {0, 1, 1, Double.POSITIVE_INFINITY, "wide C must be above 0, was Infinity"}, {0, 1, 1, Double.NaN, "wide C must be above 0, was NaN"}})
            assertEquals(bad[4], assertThrows(IllegalArgumentException.class, () -> make.apply(bad)).getMessage());
    }
}
