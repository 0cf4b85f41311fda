package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.ReplyStance;
import org.parley.text.TextPipeline;

/** The reply model's wide part: reply n-grams alone, blended with the reply network, kept by the bundle. */
class ReplyWideStanceTest {
    private static final List<String> REPLIES = List.of("is that true ?", "that is fake"), PARENTS = List.of("bomb in paris 9", "bomb in paris 9");

    /** One parent with many replies still gets no conjoined copy: parents do not recur across threads. */
    @Test
    void replyDefaultsConjoinNothingAndReadTheQuestionMark() {
        List<Pair> train = new ArrayList<>();
        String[] queries = {"is it real ?", "who said so ?", "any source ?", "really ?", "where ?"};
        String[] comments = {"so sad", "praying for them", "terrible news", "my thoughts are with them", "awful"};
        for (int r = 0; r < 30; r++)
            for (int k = 0; k < queries.length; k++) {
                train.add(new Pair(queries[k] + " " + r, "one source post", ReplyStance.QUERY.ordinal()));
                train.add(new Pair(comments[k] + " " + r, "one source post", ReplyStance.COMMENT.ordinal()));
            }
        WideStance wide = WideStance.train(train, ReplyStance.COUNT, WideStance.Config.replyDefaults(), 1);
        assertEquals(List.of(), wide.conjoinedTargets());
        float[] p = wide.predict(List.of("can anyone confirm ?"), List.of("an unseen post"))[0];
        assertEquals(ReplyStance.QUERY.ordinal(), StanceMetrics.argmax(p), Arrays.toString(p));
        assertTrue(p[ReplyStance.DENY.ordinal()] < 0.01, "a class with no training row is never predicted: " + Arrays.toString(p));
    }

    @Test
    void replyProbabilitiesAverageTheNetworkAndTheWidePart() {
        StanceModel m = TinyStance.model();
        assertNotNull(m.replyWide());
        float[][] net = m.replyModel().predict(REPLIES, PARENTS), wide = m.replyWide().predict(REPLIES, PARENTS);
        float[][] blend = m.replyProbabilities(REPLIES, PARENTS);
        float w = (float) m.replyWide().config().weight();
        for (int i = 0; i < blend.length; i++)
            for (int k = 0; k < ReplyStance.COUNT; k++) assertEquals((1 - w) * net[i][k] + w * wide[i][k], blend[i][k], 1e-6);
        assertNotEquals(Arrays.toString(net[0]), Arrays.toString(blend[0]), "the wide part moves the probabilities");
        assertEquals(m.replyStance(REPLIES.get(0), PARENTS.get(0)).probabilities().get(ReplyStance.QUERY), blend[0][ReplyStance.QUERY.ordinal()], 1e-6);
    }

    @Test
    void theBundleKeepsTheReplyWidePart(@TempDir Path dir) throws Exception {
        StanceModel m = TinyStance.model();
        Path file = dir.resolve("stance.zip");
        StanceBundle.save(m, file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        assertNotNull(loaded.replyWide());
        assertEquals(m.replyWide().config(), loaded.replyWide().config());
        float[][] a = m.replyProbabilities(REPLIES, PARENTS), b = loaded.replyProbabilities(REPLIES, PARENTS);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
    }

    /** A bundle without one (every bundle before version 4) scores replies with the network alone. */
    @Test
    void withoutAReplyWidePartTheNetworkAloneScores(@TempDir Path dir) throws Exception {
        StanceModel m = TinyStance.model();
        Path file = dir.resolve("reply-network-only.zip");
        StanceBundle.save(new StanceModel(m.targetModel(), m.wide(), m.replyModel(), null, m.provenance(), null), file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        assertNull(loaded.replyWide());
        assertNotNull(loaded.wide(), "the target wide part is untouched");
        assertArrayEquals(m.replyModel().predict(REPLIES, PARENTS)[1], loaded.replyProbabilities(REPLIES, PARENTS)[1]);
    }

    /** --target-from: the target model is kept as it is and only the reply model is trained. */
    @Test
    void reusingATargetModelTrainsOnlyTheReplyModel() {
        StanceModel reuse = TinyStance.model();
        StanceTrainer.Options d = StanceTrainer.Options.defaults();
        PairFeatureConfig features = new PairFeatureConfig(20, 8, 500, 1, 256, 256, 3, 4, 1);
        PairNetworkConfig net = new PairNetworkConfig(16, 16, 0.0, 0.02, 0.3, 0, 3);
        StanceTrainer.Options o = new StanceTrainer.Options(features, features, net, net, 1, 1, 8, 2, 8, 3, Map.of(), d.wide(), null);
        ObjectNode provenance = JsonNodeFactory.instance.objectNode();
        StanceModel m = new StanceTrainer(o, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(TinyStance.data(), provenance, reuse).model();
        assertTrue(m.targetModel() == reuse.targetModel() && m.wide() == reuse.wide());
        assertTrue(m.replyModel() != reuse.replyModel());
        assertNull(m.replyWide());
        assertEquals(reuse.provenance().get("targetBestEpoch"), provenance.get("targetBestEpoch"));
    }

    @Test
    void aStackedReplyWidePartIsRefused() {
        StanceTrainer.Options d = StanceTrainer.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> new StanceTrainer.Options(d.targetFeatures(), d.replyFeatures(),
                d.targetNetwork(), d.replyNetwork(), d.epochs(), d.patience(), d.batchSize(), d.replyEpochs(), d.replyBatchSize(),
                d.seed(), d.repeat(), d.wide(), new WideStance.Config(10, 4, Integer.MAX_VALUE, 1.0, 0.5, true)));
    }
}
