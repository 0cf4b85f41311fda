package org.parley.stance;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.text.TextPipeline;

/**
 * A trained {@link PairNetwork} with its encoder: texts in, class probabilities out (in the order
 * of the label enum it was trained for). {@code ComputationGraph.output} is not thread-safe, so
 * calls are serialised; stance is asked for far less often than toxicity.
 */
final class PairModel {
    private static final int BATCH = 64;

    private final ComputationGraph network;
    private final PairEncoder encoder;
    private final TextPipeline pipeline;
    private final int embedding;

    PairModel(ComputationGraph network, PairEncoder encoder, TextPipeline pipeline) {
        this.network = network;
        this.encoder = encoder;
        this.pipeline = pipeline;
        this.embedding = (int) network.getLayer(PairNetwork.EMBED).getParam("W").size(1);
        long rows = network.getLayer(PairNetwork.EMBED).getParam("W").size(0);
        if (rows != encoder.idSpace())
            throw new IllegalArgumentException("network embeds " + rows + " ids but the vocabulary and feature settings give " + encoder.idSpace());
    }

    ComputationGraph network() { return network; }

    PairEncoder encoder() { return encoder; }

    int classes() {
        return (int) network.getLayer(PairNetwork.OUTPUT).getParam("W").size(1);
    }

    /** One row of probabilities per (texts[i], contexts[i]). */
    float[][] predict(List<String> texts, List<String> contexts) {
        if (texts.size() != contexts.size()) throw new IllegalArgumentException(texts.size() + " texts but " + contexts.size() + " contexts");
        List<PairBatch.Encoded> encoded = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++)
            encoded.add(new PairBatch.Encoded(encoder.text(pipeline.tokens(texts.get(i))), encoder.context(pipeline.tokens(contexts.get(i)))));
        return forward(encoded);
    }

    float[][] forward(List<PairBatch.Encoded> encoded) {
        float[][] out = new float[encoded.size()][];
        for (int from = 0; from < encoded.size(); from += BATCH) {
            List<PairBatch.Encoded> part = encoded.subList(from, Math.min(encoded.size(), from + BATCH));
            INDArray probs;
            synchronized (network) {
                probs = network.outputSingle(false, PairBatch.inputs(part, embedding));
            }
            for (int i = 0; i < part.size(); i++) out[from + i] = probs.getRow(i).toFloatVector();
        }
        return out;
    }
}
