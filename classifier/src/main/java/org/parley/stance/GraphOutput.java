package org.parley.stance;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stance network's class probabilities, a batch of rows at a time. {@code ComputationGraph.output}
 * is not thread-safe, so each batch holds the network's lock; stance is asked for far less often
 * than toxicity.
 */
final class GraphOutput {
    private static final int BATCH = 64;

    private GraphOutput() {}

    /** @param inputs the network's inputs for rows [from, to) */
    static float[][] probabilities(ComputationGraph network, int rows, BiFunction<Integer, Integer, INDArray[]> inputs) {
        float[][] out = new float[rows][];
        for (int from = 0; from < rows; from += BATCH) {
            int to = Math.min(rows, from + BATCH);
            INDArray probs;
            synchronized (network) {
                probs = network.outputSingle(false, inputs.apply(from, to));
            }
            for (int i = from; i < to; i++) out[i] = probs.getRow(i - from).toFloatVector();
        }
        return out;
    }
}
