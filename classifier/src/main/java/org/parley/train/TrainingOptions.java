package org.parley.train;

import org.parley.feature.FeatureConfig;
import org.parley.model.NetworkConfig;

/**
 * Everything that decides what a training run learns; recorded in the bundle's provenance.
 *
 * @param features       how tokens become ids
 * @param network        layer sizes and optimiser settings
 * @param epochs         most passes over the training split
 * @param patience       epochs without dev improvement before stopping early
 * @param batchSize      texts per gradient step
 * @param vocabMinCount  a word needs this many occurrences in the training split to get its own id
 * @param vocabMaxSize   at most this many words get their own id
 * @param seed           shuffling seed (the network has its own in {@link NetworkConfig})
 * @param wideC          inverse L2 strength of the wide part's logistic regressions (liblinear's C)
 * @param stackingFolds  folds for the out-of-fold wide logits the deep part is trained against
 */
public record TrainingOptions(FeatureConfig features, NetworkConfig network, int epochs, int patience,
                              int batchSize, int vocabMinCount, int vocabMaxSize, long seed,
                              double wideC, int stackingFolds) {

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        if (stackingFolds < 2) throw new IllegalArgumentException("stackingFolds must be >= 2, was " + stackingFolds);
        if (!(wideC > 0 && wideC < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("wide C must be above 0, was " + wideC);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, was " + patience);
        if (vocabMinCount < 1 || vocabMaxSize < 1)
            throw new IllegalArgumentException("vocabulary size and minimum count must be >= 1, were " + vocabMaxSize + " and " + vocabMinCount);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(FeatureConfig.defaults(), NetworkConfig.defaults(), 4, 2, 512, 3, 60_000, 7, 2.0, 3);
    }
}
