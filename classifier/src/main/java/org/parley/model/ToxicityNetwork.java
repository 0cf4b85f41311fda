package org.parley.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.parley.label.Attribute;

/**
 * The toxicity network, wide and deep (Cheng et al., 2016), sized for 2 CPU cores:
 * <ul>
 *   <li>deep: an embedding bag over words, bigrams and character n-grams of unknown words, pooled
 *       two ways (mean for the overall tone, max so one slur in a long comment still counts), then
 *       a dense layer: it generalises across words with similar use;</li>
 *   <li>wide: one weight per hashed n-gram and attribute, summed over the text's TF-IDF row — the
 *       classic word and character n-gram logistic regression inside the network, which memorises
 *       exact spellings and obfuscations cheaply.</li>
 * </ul>
 * Their logits are added and pass one sigmoid per attribute. Pooled encoders train ~50x faster
 * than recurrent ones here (DEPENDENCIES.md), which is what lets full training fit in minutes.
 */
public final class ToxicityNetwork {
    public static final String DEEP_INPUT = "ids";
    public static final String WIDE_INPUT = "wide";
    /** The TF-IDF value of each wide id, repeated once per attribute ([batch, attributes, length]). */
    public static final String WIDE_WEIGHTS = "wideTfIdf";
    /** The deep-only network's input of wide logits ([batch, attributes]). */
    public static final String WIDE_LOGITS = "wideLogits";
    /** The layer whose columns are the deep part's per-attribute weights. */
    public static final String LOGITS = "logits";
    public static final String WIDE = "wideWeights";
    public static final String OUTPUT = "out";

    private ToxicityNetwork() {}

    /** The network as served: deep part plus the wide part reading TF-IDF rows. */
    public static ComputationGraph create(int idSpace, int wideSpace, NetworkConfig c) {
        // nIn is set on every layer by hand: setInputTypes(recurrent) would reset the
        // embedding's input size to 1 (DEPENDENCIES.md).
        ComputationGraphConfiguration.GraphBuilder g = deep(idSpace, c, "wideSum")
                .addInputs(WIDE_INPUT, WIDE_WEIGHTS)
                // Never trained by DL4J: the Trainer sets these weights from liblinear's fit.
                .addLayer(WIDE, new EmbeddingSequenceLayer.Builder()
                        .updater(new NoOp()).weightInit(WeightInit.ZERO).hasBias(false)
                        .nIn(wideSpace).nOut(Attribute.COUNT).inferInputLength(true).build(), WIDE_INPUT)
                .addVertex("wideWeighted", new ElementWiseVertex(ElementWiseVertex.Op.Product), WIDE, WIDE_WEIGHTS)
                .addLayer("wideSum", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "wideWeighted");
        return build(g, "wideSum");
    }

    /**
     * The deep part alone, its logits added to a given input of wide logits ({@link #WIDE_LOGITS},
     * [batch, attributes]): how the deep part is trained once the wide part is fitted, without
     * paying for the wide part's forward and backward passes. Its layers have the names and shapes
     * of {@link #create}'s, so the trained parameters move over by name.
     */
    public static ComputationGraph createDeepOnly(int idSpace, NetworkConfig c) {
        return build(deep(idSpace, c, WIDE_LOGITS).addInputs(WIDE_LOGITS), WIDE_LOGITS);
    }

    /**
     * The deep part reads the text's pooled embeddings and the wide part's six logits: a
     * regression trained on many rows (TOXICITY) informs the attributes few corpora label (THREAT,
     * SEVERE_TOXICITY), which the per-attribute regressions cannot do.
     */
    private static ComputationGraphConfiguration.GraphBuilder deep(int idSpace, NetworkConfig c, String wide) {
        return new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(DEEP_INPUT)
                .addLayer("embed", new EmbeddingSequenceLayer.Builder()
                        // DL4J updates a whole table every step; AdaGrad's single state array
                        // makes that pass ~1.5x cheaper than Adam's, and suits rarely seen rows.
                        .updater(new AdaGrad(c.embeddingLearningRate()))
                        .nIn(idSpace).nOut(c.embedding()).inferInputLength(true).build(), DEEP_INPUT)
                .addLayer("mean", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "embed")
                .addLayer("max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "embed")
                .addVertex("pooled", new MergeVertex(), "mean", "max", wide)
                .addLayer("hidden", new DenseLayer.Builder()
                        .nIn(2L * c.embedding() + Attribute.COUNT).nOut(c.hidden()).activation(Activation.RELU)
                        .l2(c.l2()).dropOut(1 - c.dropout()).build(), "pooled")
                .addLayer(LOGITS, new DenseLayer.Builder()
                        .nIn(c.hidden()).nOut(Attribute.COUNT).activation(Activation.IDENTITY)
                        .l2(c.l2()).build(), "hidden");
    }

    private static ComputationGraph build(ComputationGraphConfiguration.GraphBuilder g, String wide) {
        ComputationGraph graph = new ComputationGraph(g
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), LOGITS, wide)
                .addLayer(OUTPUT, new LossLayer.Builder(LossFunctions.LossFunction.XENT)
                        .activation(Activation.SIGMOID).build(), "sum")
                .setOutputs(OUTPUT)
                .build());
        graph.init();
        return graph;
    }
}
