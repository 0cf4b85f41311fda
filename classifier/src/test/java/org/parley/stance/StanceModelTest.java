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
    private static final String UNSEEN = TinyStance.UNSEEN;
    static StanceModel model;
    static StanceData data;

    @BeforeAll
    static void train() {
        data = TinyStance.data();
        model = TinyStance.model();
    }

    @Test
    void anUnseenTargetFlowsThroughEndToEnd() {
        assertTrue(data.train().stream().noneMatch(e -> e.target().equals(UNSEEN)) && !model.targetModel().encoder().vocabulary().words().contains(UNSEEN),
                "the test target must be unseen");
        List<TargetStance> s = model.stance("I love grapes so much", List.of(UNSEEN, "apples"));
        assertEquals(2, s.size());
        assertEquals(UNSEEN, s.get(0).target());
        assertEquals(1.0, s.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        TargetStance hate = model.stance("I hate grapes", List.of(UNSEEN)).get(0);
        // The new target's words are untrained noise to a model this small; what must carry over is
        // how the comment's words bear on whatever the target is.
        assertTrue(s.get(0).probabilities().get(Stance.FAVOR) > hate.probabilities().get(Stance.FAVOR), s + " vs " + hate);
        assertTrue(hate.probabilities().get(Stance.AGAINST) > s.get(0).probabilities().get(Stance.AGAINST), s + " vs " + hate);
        assertTrue(s.get(0).label() != Stance.AGAINST && hate.label() != Stance.FAVOR, s + " vs " + hate);
    }

    /** A thread's comments read in one pass get what each gets alone, target by target, in order. */
    @Test
    void manyTextsAtOnceMatchOneAtATime() {
        List<String> texts = List.of("I love grapes so much", "I hate grapes", "we must stop apples");
        List<String> targets = List.of(UNSEEN, "apples");
        List<List<TargetStance>> all = model.stance(texts, targets);
        assertEquals(texts.size(), all.size());
        for (int i = 0; i < texts.size(); i++) {
            List<TargetStance> one = model.stance(texts.get(i), targets);
            for (int j = 0; j < targets.size(); j++) {
                assertEquals(targets.get(j), all.get(i).get(j).target());
                assertEquals(one.get(j).label(), all.get(i).get(j).label());
                for (Stance s : Stance.values())
                    assertEquals(one.get(j).probabilities().get(s), all.get(i).get(j).probabilities().get(s), 1e-6);
            }
        }
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
        assertEquals("'parent' is empty", assertThrows(IllegalArgumentException.class, () -> model.replyStance("text", " ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.replyStance("text", "x".repeat(StanceLimits.MAX_PARENT_CHARS + 1)));
    }

    /** A padded target is read, and named, as its phrase: a service stores the answer, within the target's limit. */
    @Test
    void aPaddedTargetIsReadAndNamedAsItsPhrase() {
        String phrase = "grapes " + "x".repeat(193);  // 200 characters
        TargetStance padded = model.stance("I love grapes so much", List.of(" ".repeat(300) + phrase + "\n\u00a0")).get(0);
        TargetStance plain = model.stance("I love grapes so much", List.of(phrase)).get(0);
        assertEquals(phrase, padded.target());
        assertEquals(plain, padded);
    }
}
