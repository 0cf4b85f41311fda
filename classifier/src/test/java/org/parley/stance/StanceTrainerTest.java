package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;

/** Each test but the first trains anew, not {@link TinyStance}'s model of the test JVM, so PIT's changes to training are seen. */
class StanceTrainerTest {
    private static StanceTrainer.Result train(int epochs, Map<String, Integer> repeat, WideStance.Config wide, StanceData data) {
        StanceTrainer.Options o = new StanceTrainer.Options(TinyStance.FEATURES, TinyStance.FEATURES, TinyStance.NETWORK,
                TinyStance.NETWORK, epochs, epochs, 8, epochs, 8, 3, repeat, wide, null);
        return new StanceTrainer(o, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(data, JsonNodeFactory.instance.objectNode().put("name", "fresh"));
    }

    /** --target-from: the target model is kept as it is and only the reply model is trained. */
    @Test
    void reusingATargetModelTrainsOnlyTheReplyModel() {
        StanceModel reuse = TinyStance.model();
        StanceTrainer.Options d = StanceTrainer.Options.defaults();
        StanceTrainer.Options o = new StanceTrainer.Options(TinyStance.FEATURES, TinyStance.FEATURES, TinyStance.NETWORK,
                TinyStance.NETWORK, 1, 1, 8, 2, 8, 3, Map.of(), d.wide(), d.sentence());
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        StanceModel m = new StanceTrainer(o, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(TinyStance.data(), provenance, reuse).model();
        assertTrue(m.targetModel() == reuse.targetModel() && m.wide() == reuse.wide() && m.sentence() == reuse.sentence());
        assertTrue(m.replyModel() != reuse.replyModel());
        assertEquals(reuse.provenance().get("targetBestEpoch"), provenance.get("targetBestEpoch"));
    }

    /**
     * The bundle's provenance says how each network was chosen (its epoch, and the dev figure of every epoch run) and
     * holds the dev metrics the result returns: of the dev targets, the held-out ones and the replies.
     */
    @Test
    void aTrainingRecordsEachNetworksEpochsAndTheDevFiguresInTheProvenance() throws Exception {
        StanceTrainer.Result r = train(3, Map.of(), null, TinyStance.data());
        assertSame(r.metrics(), r.model().provenance().get("devMetrics"));
        JsonNode p = new ObjectMapper().readTree(r.model().provenance().toString()); // as the bundle writes it
        assertEquals("fresh", p.path("name").asText());
        for (String network : List.of("target", "reply")) {
            JsonNode byEpoch = p.path(network + "DevMacroF1ByEpoch");
            assertEquals(3, byEpoch.size(), network + ": " + p);
            int best = p.path(network + "BestEpoch").asInt();
            assertTrue(best >= 1 && best <= 3, network + ": " + p);
            for (JsonNode f : byEpoch) assertTrue(f.asDouble() <= byEpoch.get(best - 1).asDouble(), network + ": " + p);
        }
        for (String part : List.of("targetStanceDev", "targetStanceHeldOut", "replyStanceDev"))
            assertTrue(r.metrics().has(part), part + " in " + r.metrics());
        assertNull(r.model().wide());
        assertNull(r.model().sentence());
        assertFalse(p.has("sentenceBestEpoch"));
    }

    /** A part of the data with no rows gets no figure (not a NaN): here no target is held out. */
    @Test
    void noHeldOutTargetsMeansNoHeldOutFigure() {
        StanceData d = TinyStance.data();
        StanceData none = new StanceData(d.train(), d.dev(), List.of(), d.replyTrain(), d.replyDev());
        ObjectNode metrics = train(1, Map.of(), null, none).metrics();
        assertFalse(metrics.has("targetStanceHeldOut"), metrics.toString());
        assertTrue(metrics.has("targetStanceDev") && metrics.has("replyStanceDev"), metrics.toString());
    }

    /**
     * {@code repeat} shows a corpus's training rows that many times: each tiny target has 11 rows, so the wide part,
     * which conjoins a target from 20 rows on, conjoins none of them once and all six shown twice.
     */
    @Test
    void aRepeatedCorpusIsShownThatManyTimes() {
        WideStance.Config wide = new WideStance.Config(10, 10, 20, 1.0, 0.5);
        assertEquals(List.of(), train(1, Map.of(), wide, TinyStance.data()).model().wide().conjoinedTargets());
        assertEquals(TinyStance.SEEN.size(), train(1, Map.of("synthetic", 2), wide, TinyStance.data()).model().wide().conjoinedTargets().size());
        assertEquals(List.of(), train(1, Map.of("other", 2), wide, TinyStance.data()).model().wide().conjoinedTargets(),
                "another corpus repeated");
    }
}
