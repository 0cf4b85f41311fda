package org.parley.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.parley.label.Attribute;

/**
 * The toxicity network: an embedding bag over words, bigrams and character n-grams, pooled two
 * ways (mean for the overall tone, max so one slur in a long comment still counts), a dense layer,
 * and one sigmoid per attribute. Pooled encoders train ~50x faster than recurrent ones on 2 CPU
 * cores (DEPENDENCIES.md), which is what lets full training fit in minutes.
 */
public final class ToxicityNetwork {
    public static final String INPUT = "ids";
    public static final String OUTPUT = "out";

    private ToxicityNetwork() {}

    public static ComputationGraph create(int idSpace, NetworkConfig c) {
        // nIn is set on every layer by hand: setInputTypes(recurrent) would reset the
        // embedding's input size to 1 (DEPENDENCIES.md).
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(c.seed())
                .updater(new Adam(c.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(INPUT)
                .addLayer("embed", new EmbeddingSequenceLayer.Builder()
                        // DL4J updates the whole table every step; AdaGrad's single state array
                        // makes that pass ~1.5x cheaper than Adam's, and suits rarely seen rows.
                        .updater(new AdaGrad(c.embeddingLearningRate()))
                        .nIn(idSpace).nOut(c.embedding()).inferInputLength(true).build(), INPUT)
                .addLayer("mean", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "embed")
                .addLayer("max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "embed")
                .addVertex("pooled", new MergeVertex(), "mean", "max")
                .addLayer("hidden", new DenseLayer.Builder()
                        .nIn(2L * c.embedding()).nOut(c.hidden()).activation(Activation.RELU)
                        .l2(c.l2()).dropOut(1 - c.dropout()).build(), "pooled")
                .addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(c.hidden()).nOut(Attribute.COUNT).activation(Activation.SIGMOID)
                        .l2(c.l2()).build(), "hidden")
                .setOutputs(OUTPUT)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
