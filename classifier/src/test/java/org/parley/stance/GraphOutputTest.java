package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A stance reading gives its ND4J arrays' native memory back when it returns, not at some later
 * garbage collection: the served stance path grew resident memory by hundreds of MiB between
 * collections (docs/known-gaps.md). Memory itself is measured by scripts/stance-memory, not here.
 */
class GraphOutputTest {
    /** A 3 → 2 softmax that keeps every output it hands out. */
    private static final class Recording extends ComputationGraph {
        final List<INDArray> outputs = new ArrayList<>();

        Recording() {
            super(new NeuralNetConfiguration.Builder().seed(7).graphBuilder().addInputs("in")
                    .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                            .activation(Activation.SOFTMAX).build(), "in")
                    .setOutputs("out").build());
            init();
        }

        @Override
        public INDArray outputSingle(boolean train, INDArray... input) {
            INDArray out = super.outputSingle(train, input);
            outputs.add(out);
            return out;
        }
    }

    private static float[] row(int i) {
        return new float[] {i, -i / 10f, 1f / (i + 1)};
    }

    /** The network's probabilities for rows(0..rows), in one call and without GraphOutput. */
    private static float[][] expected(Recording network, int rows) {
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) x[i] = row(i);
        float[][] out = network.outputSingle(false, Nd4j.create(x).castTo(DataType.FLOAT)).toFloatMatrix();
        network.outputs.clear();
        return out;
    }

    @Test
    void theInputsAndOutputsAReadingMakesAreClosedWhenItReturns() {
        Recording network = new Recording();
        int rows = 150; // three batches of at most 64
        float[][] want = expected(network, rows);
        List<INDArray> inputs = new ArrayList<>();
        float[][] p = GraphOutput.probabilities(network, rows, (from, to) -> {
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) x[i - from] = row(i);
            INDArray a = Nd4j.create(x).castTo(DataType.FLOAT);
            inputs.add(a);
            return new INDArray[] {a};
        });
        assertEquals(3, inputs.size());
        assertEquals(3, network.outputs.size());
        for (INDArray a : inputs) assertTrue(a.wasClosed(), "an input left to the garbage collector");
        for (INDArray a : network.outputs) assertTrue(a.wasClosed(), "an output left to the garbage collector");
        for (int i = 0; i < rows; i++) assertArrayEquals(want[i], p[i], 1e-6f, "row " + i);
    }

    @Test
    void anArrayOfTheCallersStaysOpenEvenWhenOneBatchCoversIt() {
        // A range of x over all its rows shares x's memory but does not read as a view: closing it would free x.
        for (int rows : new int[] {20, 64, 100}) {
            Recording network = new Recording();
            float[][] x = new float[rows][];
            for (int i = 0; i < rows; i++) x[i] = row(i);
            INDArray xs = Nd4j.create(x).castTo(DataType.FLOAT);
            float[][] p = GraphOutput.probabilities(network, xs);
            assertFalse(xs.wasClosed());
            assertArrayEquals(row(rows - 1), xs.getRow(rows - 1).toFloatVector(), 0f);
            for (INDArray a : network.outputs) assertTrue(a.wasClosed());
            float[][] again = GraphOutput.probabilities(network, xs); // x still readable: the training loop scores its dev set each epoch
            for (int i = 0; i < rows; i++) assertArrayEquals(p[i], again[i], 0f);
        }
    }
}
