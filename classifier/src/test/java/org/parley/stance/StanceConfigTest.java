package org.parley.stance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** The stance settings' bounds: each setting's least and greatest value is taken, one past it refused. */
class StanceConfigTest {
    private static void refused(Executable make) {
        assertThrows(IllegalArgumentException.class, make);
    }

    @Test
    void theWidePartsBucketsWeightAndRegularisation() {
        assertDoesNotThrow(() -> new WideStance.Config(4, 24, 1, 1e-9, 0));
        assertDoesNotThrow(() -> new WideStance.Config(24, 4, 1, 1, 1));
        refused(() -> new WideStance.Config(3, 10, 1, 1, 0.5));
        refused(() -> new WideStance.Config(25, 10, 1, 1, 0.5));
        refused(() -> new WideStance.Config(10, 3, 1, 1, 0.5));
        refused(() -> new WideStance.Config(10, 25, 1, 1, 0.5));
        refused(() -> new WideStance.Config(10, 10, 1, 0, 0.5));
        refused(() -> new WideStance.Config(10, 10, 1, 1, -1e-9));
        refused(() -> new WideStance.Config(10, 10, 1, 1, 1 + 1e-9));
    }

    @Test
    void theSentencePartsWeightAndDropout() {
        String encoder = org.parley.feature.SentenceEncoder.NAME;
        assertDoesNotThrow(() -> new SentenceStance.Config(encoder, 8, 0, 1e-3, 1, 1, 0));
        assertDoesNotThrow(() -> new SentenceStance.Config(encoder, 8, 0.999, 1e-3, 1, 1, 1));
        refused(() -> new SentenceStance.Config(encoder, 8, 1, 1e-3, 1, 1, 0.5));
        refused(() -> new SentenceStance.Config(encoder, 8, -1e-9, 1e-3, 1, 1, 0.5));
        refused(() -> new SentenceStance.Config(encoder, 8, 0.3, 1e-3, 1, 1, 1 + 1e-9));
        refused(() -> new SentenceStance.Config(encoder, 8, 0.3, 1e-3, 1, 1, -1e-9));
    }

    @Test
    void thePairNetworksWidthsAndDropout() {
        assertDoesNotThrow(() -> new PairNetworkConfig(1, 1, 0, 1e-3, 0, 0, 1));
        assertDoesNotThrow(() -> new PairNetworkConfig(1, 1, 0.999, 1e-3, 0, 0, 1));
        refused(() -> new PairNetworkConfig(0, 1, 0, 1e-3, 0, 0, 1));
        refused(() -> new PairNetworkConfig(1, 0, 0, 1e-3, 0, 0, 1));
        refused(() -> new PairNetworkConfig(1, 1, 1, 1e-3, 0, 0, 1));
        refused(() -> new PairNetworkConfig(1, 1, -1e-9, 1e-3, 0, 0, 1));
    }

    @Test
    void thePairFeaturesLimitsBucketsAndNgramLengths() {
        assertDoesNotThrow(() -> new PairFeatureConfig(1, 1, 10, 1, 1, 1, 1, 1, 0));
        refused(() -> new PairFeatureConfig(0, 1, 10, 1, 1, 1, 1, 1, 0));
        refused(() -> new PairFeatureConfig(1, 0, 10, 1, 1, 1, 1, 1, 0));
        refused(() -> new PairFeatureConfig(1, 1, 10, 1, 0, 1, 1, 1, 0));
        refused(() -> new PairFeatureConfig(1, 1, 10, 1, 1, 0, 1, 1, 0));
        refused(() -> new PairFeatureConfig(1, 1, 10, 1, 1, 1, 0, 1, 0));
        refused(() -> new PairFeatureConfig(1, 1, 10, 1, 1, 1, 3, 2, 0));
    }
}
