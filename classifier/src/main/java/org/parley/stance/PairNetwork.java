package org.parley.stance;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A pooled pair classifier: (comment, target) → stance, or (reply, parent) → reply stance.
 *
 * <p>Both texts are embedded by <em>one</em> table: the ids of the comment and of the target sit
 * side by side in one sequence, and two weight inputs pick each text's positions and average
 * them (1/length on its own positions, 0 elsewhere); a mask input also max-pools the comment.
 * Sharing the table is what makes an unseen target usable: its words were learned from comments.
 * The comment's mean and max vectors, the target vector t and their products with t (which
 * features of the comment matter for this target) feed a ReLU layer and a softmax. Pooled encoders, not recurrent ones: ~50x faster on 2 cores (DEPENDENCIES.md).
 */
final class PairNetwork {
    static final String IDS = "ids";
    static final String TEXT_WEIGHTS = "textWeights";
    static final String CONTEXT_WEIGHTS = "contextWeights";
    static final String TEXT_MASK = "textMask";
    static final String EMBED = "embed";
    static final String OUTPUT = "out";

    private PairNetwork() {}

    static ComputationGraph create(int idSpace, int classes, PairNetworkConfig c) {
        int e = c.embedding();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(IDS, TEXT_WEIGHTS, CONTEXT_WEIGHTS, TEXT_MASK)
                // nIn set by hand: setInputTypes(recurrent) resets it to 1 (DEPENDENCIES.md).
                .addLayer(EMBED, new EmbeddingSequenceLayer.Builder()
                        .updater(new AdaGrad(c.embeddingLearningRate()))
                        .nIn(idSpace).nOut(e).inferInputLength(true).build(), IDS)
                .addVertex("textPicked", new ElementWiseVertex(ElementWiseVertex.Op.Product), EMBED, TEXT_WEIGHTS)
                .addVertex("contextPicked", new ElementWiseVertex(ElementWiseVertex.Op.Product), EMBED, CONTEXT_WEIGHTS)
                .addLayer("text", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "textPicked")
                .addLayer("context", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "contextPicked")
                // Max over the comment's positions (others zeroed): one decisive phrase in a long
                // comment is not averaged away.
                .addVertex("textOnly", new ElementWiseVertex(ElementWiseVertex.Op.Product), EMBED, TEXT_MASK)
                .addLayer("textMax", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "textOnly")
                .addVertex("interaction", new ElementWiseVertex(ElementWiseVertex.Op.Product), "text", "context")
                .addVertex("maxInteraction", new ElementWiseVertex(ElementWiseVertex.Op.Product), "textMax", "context")
                .addVertex("pair", new MergeVertex(), "text", "textMax", "context", "interaction", "maxInteraction")
                .addLayer("hidden", new DenseLayer.Builder()
                        .nIn(5L * e).nOut(c.hidden()).activation(Activation.RELU)
                        .l2(c.l2()).dropOut(1 - c.dropout()).build(), "pair")
                .addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(c.hidden()).nOut(classes).activation(Activation.SOFTMAX).l2(c.l2()).build(), "hidden");
        ComputationGraph graph = new ComputationGraph(g.setOutputs(OUTPUT).build());
        graph.init();
        return graph;
    }
}
