package org.parley.stance;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.parley.text.TextPipeline;

/**
 * A trained {@link PairNetwork} with its encoder: texts in, class probabilities out (in the order
 * of the label enum it was trained for). Safe for concurrent callers ({@link GraphOutput}).
 */
final class PairModel {
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
        return GraphOutput.probabilities(network, encoded.size(), (from, to) -> PairBatch.inputs(encoded.subList(from, to), embedding));
    }
}
