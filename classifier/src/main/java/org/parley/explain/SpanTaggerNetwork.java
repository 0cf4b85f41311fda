package org.parley.explain;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The span tagger's network, sized for 2 CPU cores: word embedding plus {@link TokenFeatures},
 * two 1D convolutions (each token sees 4 tokens either side after both), and a per-token sigmoid.
 * The output layer also reads the layer-0 inputs, so a word's own evidence is not diluted by its
 * context. No recurrent layer: they train ~50x slower here (DEPENDENCIES.md).
 */
public final class SpanTaggerNetwork {
    static final String IDS = "ids";
    static final String FEATURES = "features";
    static final String EMBED = "embed";

    private SpanTaggerNetwork() {}

    /**
     * @param dilation              of the second convolution: with kernel 5, dilation 2 lets a token see 6
     *                              tokens either side instead of 4 (annotators mark whole phrases)
     * @param embeddingLearningRate 0 freezes the embedding (as it starts: the toxicity model's, or random)
     */
    public record Config(int embedding, int filters, int kernel, int dilation, double learningRate, double embeddingLearningRate,
                         double dropout, long seed) {}

    static ComputationGraph create(int vocabulary, Config c) {
        int in = c.embedding() + TokenFeatures.COUNT;
        // nIn is set by hand on every layer: setInputTypes would reset the embedding's (DEPENDENCIES.md).
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(IDS, FEATURES)
                .addLayer(EMBED, new EmbeddingSequenceLayer.Builder()
                        // 6k posts overfit a trained table within 2 epochs; the toxicity model's generalises.
                        .updater(c.embeddingLearningRate() > 0 ? new Adam(c.embeddingLearningRate()) : new NoOp())
                        .nIn(vocabulary).nOut(c.embedding()).inferInputLength(true).build(), IDS)
                .addVertex("tokens", new MergeVertex(), EMBED, FEATURES)
                .addLayer("conv1", new Convolution1DLayer.Builder().kernelSize(c.kernel())
                        .convolutionMode(ConvolutionMode.Same).rnnDataFormat(RNNFormat.NCW).nIn(in).nOut(c.filters())
                        .activation(Activation.RELU).dropOut(1 - c.dropout()).build(), "tokens")
                .addLayer("conv2", new Convolution1DLayer.Builder().kernelSize(c.kernel()).dilation(c.dilation())
                        .convolutionMode(ConvolutionMode.Same).rnnDataFormat(RNNFormat.NCW).nIn(c.filters()).nOut(c.filters())
                        .activation(Activation.RELU).build(), "conv1")
                .addVertex("both", new MergeVertex(), "conv2", "tokens")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .dataFormat(RNNFormat.NCW).nIn(c.filters() + in).nOut(1).activation(Activation.SIGMOID).build(), "both")
                .setOutputs("out")
                .build());
        g.init();
        // Padding reads as zeros, as the convolutions' own padding does at a comment's edges.
        g.getLayer(EMBED).getParam("W").getRow(SpanTagger.PAD).assign(0);
        return g;
    }
}
