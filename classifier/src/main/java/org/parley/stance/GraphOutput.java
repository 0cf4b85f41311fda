package org.parley.stance;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A stance network's class probabilities, a batch of rows at a time. {@code ComputationGraph.output}
 * is not thread-safe, so each batch holds the network's lock; stance is asked for far less often
 * than toxicity.
 *
 * <p>The arrays a call makes are closed before it returns. An ND4J array's memory is native (outside
 * the Java heap and Native Memory Tracking) and is otherwise given back only once the garbage
 * collector finds its small Java object unreachable: a served stance reading made megabytes of such
 * arrays per thread of comments and little Java garbage, so resident memory rose by hundreds of MiB
 * between collections (docs/known-gaps.md).
 */
final class GraphOutput {
    private static final int BATCH = 64;

    private GraphOutput() {}

    /** @param inputs the network's inputs for rows [from, to), made for this call: each is closed once read */
    static float[][] probabilities(ComputationGraph network, int rows, BiFunction<Integer, Integer, INDArray[]> inputs) {
        return probabilities(network, rows, inputs, true);
    }

    /** Each row of {@code x} (the network's one input), which stays the caller's. */
    static float[][] probabilities(ComputationGraph network, INDArray x) {
        // Not closed: a range of x that covers all its rows shares x's memory yet reads as an array of its own.
        return probabilities(network, (int) x.rows(), (from, to) -> new INDArray[] {
                x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())}, false);
    }

    private static float[][] probabilities(ComputationGraph network, int rows, BiFunction<Integer, Integer, INDArray[]> inputs, boolean closeInputs) {
        float[][] out = new float[rows][];
        for (int from = 0; from < rows; from += BATCH) {
            int to = Math.min(rows, from + BATCH);
            INDArray[] in = inputs.apply(from, to);
            INDArray probs = null;
            try {
                synchronized (network) {
                    probs = network.outputSingle(false, in);
                }
                for (int i = from; i < to; i++) out[i] = probs.getRow(i - from).toFloatVector();
            } finally {
                if (probs != null) probs.close(); // detached from the network's workspaces: ours
                if (closeInputs) for (INDArray a : in) if (a != null) a.close();
            }
        }
        return out;
    }
}
