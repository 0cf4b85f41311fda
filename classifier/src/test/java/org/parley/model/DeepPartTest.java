package org.parley.model;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.label.Attribute;
import org.parley.text.TextPipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepPartTest {
    @Test
    void theBatchedProductScoresEachTextAsTheJavaLoopDoes() {
        // The shipped network: the shapes occlusion runs on (a tiny bundle's hidden layer is too small to split).
        DeepPart deep = DeepPart.of(ModelBundle.load(Bundles.shipped()).network());
        assertTrue(deep.batchRows() > 1 && deep.batchRows() < 64, "rows per product: " + deep.batchRows());
        Random random = new Random(5);
        List<int[]> ids = new ArrayList<>();
        List<float[]> wide = new ArrayList<>();
        for (int r = 0; r < deep.batchRows(); r++) {
            int[] row = new int[r == 0 ? 0 : 1 + random.nextInt(60)]; // an empty text too
            for (int i = 0; i < row.length; i++) row[i] = random.nextInt(20_000);
            ids.add(row);
            float[] w = new float[Attribute.COUNT];
            for (int a = 0; a < w.length; a++) w[a] = (float) random.nextGaussian() * 3;
            wide.add(w);
        }
        float[][] batched = deep.forward(ids, wide);
        assertEquals(ids.size(), batched.length);
        for (int r = 0; r < ids.size(); r++)
            assertArrayEquals(deep.forward(ids.get(r), wide.get(r)), batched[r], 1e-5f, "text " + r);
        assertTrue(batched[1][0] != batched[2][0], "different texts, different scores");

        List<int[]> tooMany = new ArrayList<>(ids);
        tooMany.add(new int[] {1});
        List<float[]> wideTooMany = new ArrayList<>(wide);
        wideTooMany.add(new float[Attribute.COUNT]);
        assertThrows(IllegalArgumentException.class, () -> deep.forward(tooMany, wideTooMany));
    }

    /**
     * An embedding width that is no multiple of four pools its last dimensions one at a time: scored as DL4J's graph
     * scores it. Every other network here is 8 or 64 wide, so that loop ran in no test; {@code scripts/train
     * --embedding} takes any width.
     */
    @Test
    void anEmbeddingWidthThatIsNoMultipleOfFourScoresAsTheGraph() {
        ModelBundle tiny = TinyBundles.create();
        ComputationGraph graph = ToxicityNetwork.create(tiny.features().idSpace(), tiny.features().wideSpace(),
                new NetworkConfig(6, 8, 0.0, 1e-2, 0.1, 0.0, 3));
        Nd4j.getRandom().setSeed(21);
        graph.setParams(Nd4j.randn(graph.params().shape()).muli(0.5)); // the wide part too, which starts at zero
        ToxicityModelTest.assertScoresAsTheGraph(new ToxicityModel(graph, tiny.features(), Map.of(), TextPipeline.standard(), 1, "t"), graph);
    }

    /**
     * An embedding with a bias (DL4J adds it to every row looked up; Parley's networks have none, a network read from
     * another's configuration may) scores as the same table with the bias folded into each row: the mean and the max
     * each move by it. Width 6, so both pooling loops add it.
     */
    @Test
    void anEmbeddingBiasScoresAsTheTableWithTheBiasAddedToEveryRow() {
        Random random = new Random(9);
        int ids = 12, dim = 6, hidden = 5, inputs = 2 * dim + Attribute.COUNT;
        float[] embed = gaussian(random, ids * dim), bias = gaussian(random, dim);
        float[] hiddenW = gaussian(random, inputs * hidden), hiddenB = gaussian(random, hidden);
        float[] logitsW = gaussian(random, hidden * Attribute.COUNT), logitsB = gaussian(random, Attribute.COUNT);
        float[] folded = embed.clone();
        for (int i = 0; i < folded.length; i++) folded[i] += bias[i % dim];
        DeepPart withBias = DeepPart.of(new ServingWeights(embed, bias, dim, hiddenW, hiddenB, hidden, logitsW, logitsB, new float[0]));
        DeepPart foldedIn = DeepPart.of(new ServingWeights(folded, null, dim, hiddenW, hiddenB, hidden, logitsW, logitsB, new float[0]));
        DeepPart without = DeepPart.of(new ServingWeights(embed, null, dim, hiddenW, hiddenB, hidden, logitsW, logitsB, new float[0]));
        for (int[] text : new int[][] {{}, {3}, {2, 5, 5, 11, 0}, {7, 1, 9}}) {
            float[] wide = gaussian(random, Attribute.COUNT);
            float[] scored = withBias.forward(text, wide);
            assertArrayEquals(foldedIn.forward(text, wide), scored, 1e-5f, java.util.Arrays.toString(text));
            assertTrue(!java.util.Arrays.equals(without.forward(text, wide), scored), "the bias is read");
        }
    }

    /** The hidden layer drops the configured share in training: DL4J's {@code dropOut} takes the share kept. */
    @Test
    void theHiddenLayerKeepsOneLessTheDropoutInTraining() {
        ComputationGraph graph = ToxicityNetwork.create(40, 16, new NetworkConfig(8, 8, 0.3, 1e-2, 0.1, 0.0, 3));
        var layer = (BaseLayer) graph.getLayer("hidden").conf().getLayer();
        assertEquals(0.7, ((Dropout) layer.getIDropout()).getP(), 1e-12);
    }

    /** Small enough that the sigmoids stay off their flat ends, where a change would not show. */
    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian() * 0.4f;
        return v;
    }
}
