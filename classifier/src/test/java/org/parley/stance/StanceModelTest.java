package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceExample;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.model.BundleException;
import org.parley.text.TextPipeline;

/**
 * Trains tiny stance models on a synthetic sample (seconds), then checks that a target never seen
 * in training flows through end to end and is read through the shared embedding, and that the
 * bundle stores exactly what was trained.
 */
class StanceModelTest {
    private static final List<String> SEEN = List.of("apples", "bananas", "cherries", "plums", "melons", "lemons");
    private static final String UNSEEN = "grapes";
    private static final String[] FAVOR = {"i love %s", "%s are wonderful", "we should support %s", "great %s , love them"};
    private static final String[] AGAINST = {"i hate %s", "%s are awful", "we must stop %s", "terrible %s , hate them"};
    private static final String[] NONE = {"the train was late today", "what time is the meeting", "my cat sleeps a lot"};

    static StanceModel model;
    static StanceData data;

    @BeforeAll
    static void train() {
        List<StanceExample> train = new ArrayList<>(), dev = new ArrayList<>(), held = new ArrayList<>();
        int id = 0;
        for (String t : SEEN) {
            for (String f : FAVOR) train.add(new StanceExample("synthetic", "" + id++, f.formatted(t), t, Stance.FAVOR));
            for (String a : AGAINST) train.add(new StanceExample("synthetic", "" + id++, a.formatted(t), t, Stance.AGAINST));
            for (String n : NONE) train.add(new StanceExample("synthetic", "" + id++, n, t, Stance.NONE));
        }
        dev.add(new StanceExample("synthetic", "d1", "i love plums", "plums", Stance.FAVOR));
        dev.add(new StanceExample("synthetic", "d2", "i hate lemons", "lemons", Stance.AGAINST));
        held.add(new StanceExample("synthetic", "h1", "i love grapes", UNSEEN, Stance.FAVOR));
        held.add(new StanceExample("synthetic", "h2", "i hate grapes", UNSEEN, Stance.AGAINST));
        List<ReplyExample> replies = new ArrayList<>();
        String[][] r = {{"is that true ?", "QUERY"}, {"that is fake", "DENY"}, {"confirmed , it is true", "SUPPORT"}, {"lol ok", "COMMENT"}};
        for (int k = 0; k < 6; k++)
            for (String[] x : r) replies.add(new ReplyExample("synthetic", "r" + k + x[1], "t" + k, x[0], "bomb in paris " + k, ReplyStance.valueOf(x[1])));
        data = new StanceData(train, dev, held, replies, replies.subList(0, 4));

        PairFeatureConfig features = new PairFeatureConfig(20, 8, 500, 1, 256, 256, 3, 4, 1);
        PairNetworkConfig net = new PairNetworkConfig(16, 16, 0.0, 0.01, 0.2, 0, 3);
        StanceTrainer.Options options = new StanceTrainer.Options(features, features, net, net, 25, 25, 8, 3, Map.of());
        ObjectNode provenance = JsonNodeFactory.instance.objectNode().put("name", "tiny");
        model = new StanceTrainer(options, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(data, provenance).model();
    }

    @Test
    void anUnseenTargetFlowsThroughEndToEnd() {
        assertTrue(data.train().stream().noneMatch(e -> e.target().equals(UNSEEN)) && !model.targetModel().encoder().vocabulary().words().contains(UNSEEN),
                "the test target must be unseen");
        List<TargetStance> s = model.stance("I love grapes so much", List.of(UNSEEN, "apples"));
        assertEquals(2, s.size());
        assertEquals(UNSEEN, s.get(0).target());
        assertEquals(1.0, s.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        assertEquals(Stance.FAVOR, s.get(0).label(), s.get(0).toString());
        assertEquals(Stance.AGAINST, model.stance("I hate grapes", List.of(UNSEEN)).get(0).label());
    }

    @Test
    void theTargetChangesTheAnswer() {
        // Same comment, different targets: an encoder that ignored the target could not tell these apart.
        float[][] p = model.targetModel().predict(List.of("i love plums", "i love plums"), List.of("plums", "lemons"));
        assertTrue(p[0][0] != p[1][0], "probabilities should depend on the target");
    }

    @Test
    void replyStanceIsRead() {
        ReplyStanceScore s = model.replyStance("is that true ?", "bomb in paris 1");
        assertEquals(ReplyStance.QUERY, s.label(), s.toString());
        assertEquals(4, s.probabilities().size());
    }

    @Test
    void heldOutMetricsAreReported() {
        ObjectNode m = StanceTrainer.evaluate(model, data);
        assertEquals(2, m.path("targetStanceHeldOut").path("n").asInt());
        assertTrue(m.path("targetStanceHeldOut").has("fAvg"));
        assertTrue(m.path("replyStanceDev").has("macroF1"));
    }

    @Test
    void bundleRoundTripScoresExactlyTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stance.zip");
        StanceBundle.save(model, file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        List<String> texts = List.of("i love grapes", "we must stop apples now");
        List<String> targets = List.of(UNSEEN, "apples");
        float[][] a = model.targetModel().predict(texts, targets), b = loaded.targetModel().predict(texts, targets);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
        assertEquals("tiny", loaded.name());
        assertEquals(model.replyStance("that is fake", "x").probabilities(), loaded.replyStance("that is fake", "x").probabilities());
    }

    @Test
    void corruptBundleIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.zip");
        Files.write(file, new byte[] {1, 2, 3});
        BundleException e = assertThrows(BundleException.class, () -> StanceBundle.load(file, TextPipeline.standard()));
        assertTrue(e.getMessage().contains("broken.zip"), e.getMessage());
    }

    @Test
    void badTargetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> model.stance("text", List.of("")));
    }
}
