package org.parley.stance;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A stance network's class probabilities, a batch of rows at a time. {@code ComputationGraph.output}
 * is not thread-safe, so each batch holds the network's lock; stance is asked for far less often
 * than toxicity. The batches run on {@link StanceThreads}, not the caller's thread, so that DL4J's
 * per-thread workspaces are kept for those few threads and not for every request thread that ever read
 * stance; the inputs are made, and the probabilities read back, on the caller's side.
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
        return probabilities(StanceThreads.shared(), network, rows, inputs, true);
    }

    /** Each row of {@code x} (the network's one input), which stays the caller's. */
    static float[][] probabilities(ComputationGraph network, INDArray x) {
        return probabilities(StanceThreads.shared(), network, x);
    }

    /** {@link #probabilities(ComputationGraph, INDArray)} on the given threads (the tests). */
    static float[][] probabilities(StanceThreads threads, ComputationGraph network, INDArray x) {
        // Not closed: a range of x that covers all its rows shares x's memory yet reads as an array of its own.
        return probabilities(threads, network, (int) x.rows(), (from, to) -> new INDArray[] {
                x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())}, false);
    }

    /** {@link #probabilities(ComputationGraph, int, BiFunction)} on the given threads (the tests). */
    static float[][] probabilities(StanceThreads threads, ComputationGraph network, int rows, BiFunction<Integer, Integer, INDArray[]> inputs) {
        return probabilities(threads, network, rows, inputs, true);
    }

    private static float[][] probabilities(StanceThreads threads, ComputationGraph network, int rows,
                                           BiFunction<Integer, Integer, INDArray[]> inputs, boolean closeInputs) {
        float[][] out = new float[rows][];
        for (int from = 0; from < rows; from += BATCH) {
            int to = Math.min(rows, from + BATCH);
            INDArray[] in = inputs.apply(from, to);
            try {
                // The pass alone on the stance threads; threads.call returns only once the task is out of the executor,
                // so the inputs are never closed under a pass still reading them.
                INDArray probs = threads.call(() -> {
                    synchronized (network) {
                        return network.outputSingle(false, in);
                    }
                });
                try {
                    for (int i = from; i < to; i++) out[i] = probs.getRow(i - from).toFloatVector();
                } finally {
                    probs.close(); // detached from the network's workspaces: ours
                }
            } finally {
                if (closeInputs) for (INDArray a : in) if (a != null) a.close();
            }
        }
        return out;
    }
}
