package org.parley.model;

/**
 * The shape and training settings of the toxicity network; recorded in every bundle's provenance.
 *
 * @param embedding   embedding width shared by words, bigrams and character n-grams
 * @param hidden      width of the dense layer over the pooled text vector
 * @param dropout     probability of dropping a hidden unit during training
 * @param learningRate Adam step size for the dense layers
 * @param embeddingLearningRate AdaGrad step size for the embedding table
 * @param l2          weight decay on the dense layers
 * @param seed        weight-initialisation seed
 */
public record NetworkConfig(int embedding, int hidden, double dropout, double learningRate, double embeddingLearningRate, double l2, long seed) {
    /** Refused here, before a training run reads its corpora: DL4J refused some only after them, naming no option. */
    public NetworkConfig {
        if (embedding < 1) throw new IllegalArgumentException("embedding must be >= 1, was " + embedding);
        if (hidden < 1) throw new IllegalArgumentException("hidden must be >= 1, was " + hidden);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("learning rate must be above 0, was " + learningRate);
        if (!(embeddingLearningRate > 0 && embeddingLearningRate < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("embedding learning rate must be above 0, was " + embeddingLearningRate);
        if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
    }

    public static NetworkConfig defaults() {
        return new NetworkConfig(64, 256, 0.2, 2e-3, 0.1, 1e-5, 42);
    }
}
