package org.parley.explain;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import static org.junit.jupiter.api.Assertions.*;

/** What the tagger's settings make of its network. */
class SpanTaggerNetworkTest {
    private static BaseLayer layer(ComputationGraph g, String name) {
        return (BaseLayer) ((LayerVertex) g.getConfiguration().getVertices().get(name)).getLayerConf().getLayer();
    }

    @Test
    void anEmbeddingLearningRateOfZeroFreezesTheEmbeddingAndDropoutIsWhatIsDropped() {
        ComputationGraph frozen = SpanTaggerNetwork.create(5, new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0, 0.3, 1));
        assertInstanceOf(NoOp.class, layer(frozen, SpanTaggerNetwork.EMBED).getIUpdater());
        assertEquals(0.7, ((Dropout) layer(frozen, "conv1").getIDropout()).getP(), 1e-12, "DL4J's dropOut takes the share kept");
        assertEquals(0, frozen.getLayer(SpanTaggerNetwork.EMBED).getParam("W").getRow(SpanTagger.PAD).norm1Number().doubleValue(),
                "the padding row is zeros");

        ComputationGraph learning = SpanTaggerNetwork.create(5, new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0.002, 0, 1));
        assertEquals(0.002, ((Adam) layer(learning, SpanTaggerNetwork.EMBED).getIUpdater()).getLearningRate(), 1e-12);
        assertEquals(0.01, ((Adam) layer(learning, "conv1").getIUpdater()).getLearningRate(), 1e-12);
    }
}
