package org.parley.stance;

/**
 * Size and training steps of a {@link PairNetwork}; saved in the bundle's provenance.
 *
 * @param embedding             width of the shared word/n-gram embedding
 * @param hidden                width of the dense layer
 * @param dropout               probability of dropping a unit of the pooled and dense layers in training
 * @param learningRate          Adam step for the dense layers
 * @param embeddingLearningRate AdaGrad step for the embedding table
 * @param l2                    weight decay of the dense layers
 * @param seed                  initialisation seed
 */
public record PairNetworkConfig(int embedding, int hidden, double dropout, double learningRate,
                                double embeddingLearningRate, double l2, long seed) {
    public PairNetworkConfig {
        if (embedding < 1 || hidden < 1) throw new IllegalArgumentException("layer widths must be >= 1");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0,1), was " + dropout);
    }

    public static PairNetworkConfig defaults() {
        return new PairNetworkConfig(64, 128, 0.3, 2e-3, 0.1, 1e-5, 7L);
    }
}
