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
    public static NetworkConfig defaults() {
        return new NetworkConfig(64, 256, 0.2, 2e-3, 0.1, 1e-5, 42);
    }
}
