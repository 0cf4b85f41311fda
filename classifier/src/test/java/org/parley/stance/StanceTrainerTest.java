package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;

class StanceTrainerTest {
    /** --target-from: the target model is kept as it is and only the reply model is trained. */
    @Test
    void reusingATargetModelTrainsOnlyTheReplyModel() {
        StanceModel reuse = TinyStance.model();
        StanceTrainer.Options d = StanceTrainer.Options.defaults();
        PairFeatureConfig features = new PairFeatureConfig(20, 8, 500, 1, 256, 256, 3, 4, 1);
        PairNetworkConfig net = new PairNetworkConfig(16, 16, 0.0, 0.02, 0.3, 0, 3);
        StanceTrainer.Options o = new StanceTrainer.Options(features, features, net, net, 1, 1, 8, 2, 8, 3, Map.of(), d.wide(), d.sentence());
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        StanceModel m = new StanceTrainer(o, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(TinyStance.data(), provenance, reuse).model();
        assertTrue(m.targetModel() == reuse.targetModel() && m.wide() == reuse.wide() && m.sentence() == reuse.sentence());
        assertTrue(m.replyModel() != reuse.replyModel());
        assertEquals(reuse.provenance().get("targetBestEpoch"), provenance.get("targetBestEpoch"));
    }
}
