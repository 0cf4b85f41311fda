package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.feature.SentenceEncoder;
import org.parley.label.Stance;
import org.parley.text.TextPipeline;

/** The target model's part over pretrained sentence vectors, on the tiny synthetic sample. */
class SentenceStanceTest {
    private static final List<String> TEXTS = List.of("i love grapes", "i hate grapes", "we must stop plums");
    private static final List<String> TARGETS = List.of(TinyStance.UNSEEN, TinyStance.UNSEEN, "plums");
    private static StanceModel model;

    private static synchronized StanceModel model() {
        if (model == null) {
            SentenceStance.Config d = SentenceStance.Config.defaults();
            model = TinyStance.train(new WideStance.Config(10, 10, 5, 1.0, 0.5),
                    new SentenceStance.Config(d.encoder(), 32, 0.0, 0.01, 30, 30, d.weight()));
        }
        return model;
    }

    @Test
    void featuresAreTheTwoVectorsTheirProductAndDistance() {
        float[] u = new float[SentenceEncoder.DIMENSION], v = new float[SentenceEncoder.DIMENSION];
        u[0] = 0.5f; v[0] = 0.25f; u[1] = -0.1f; v[1] = 0.3f;
        INDArray f = SentenceStance.features(List.of(u), List.of(v));
        int d = SentenceEncoder.DIMENSION;
        assertEquals(4L * d, f.columns());
        assertEquals(0.5f, f.getFloat(0, 0), 1e-7f);
        assertEquals(0.25f, f.getFloat(0, d), 1e-7f);
        assertEquals(0.5f * 0.25f * 20, f.getFloat(0, 2 * d), 1e-6f);
        assertEquals(0.4f * 5, f.getFloat(0, 3 * d + 1), 1e-6f);
        assertEquals(0f, f.getFloat(0, 3 * d + 2));

        // Every column of two rows of random vectors: the second row after the first, each block in its place.
        java.util.Random r = new java.util.Random(5);
        float[][] us = new float[2][d], vs = new float[2][d];
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < d; k++) { us[i][k] = r.nextFloat() - 0.5f; vs[i][k] = r.nextFloat() - 0.5f; }
        INDArray two = SentenceStance.features(List.of(us[0], us[1]), List.of(vs[0], vs[1]));
        assertEquals(2, two.rows());
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < d; k++) {
                assertEquals(us[i][k], two.getFloat(i, k), 0f);
                assertEquals(vs[i][k], two.getFloat(i, d + k), 0f);
                assertEquals(us[i][k] * vs[i][k] * 20, two.getFloat(i, 2 * d + k), 1e-6f);
                assertEquals(Math.abs(us[i][k] - vs[i][k]) * 5, two.getFloat(i, 3 * d + k), 1e-6f);
            }
    }

    /** Through the encoder, "love" and "hate" carry over to a target never seen in training. */
    @Test
    void itReadsStanceOnAnUnseenTarget() {
        float[][] p = model().sentence().predict(TEXTS, TARGETS);
        assertEquals(Stance.FAVOR.ordinal(), StanceMetrics.argmax(p[0]), java.util.Arrays.toString(p[0]));
        assertEquals(Stance.AGAINST.ordinal(), StanceMetrics.argmax(p[1]), java.util.Arrays.toString(p[1]));
    }

    /** Target vectors are kept between calls; a later call, in another order, gets the same rows. */
    @Test
    void cachedTargetVectorsGiveTheSameProbabilities() {
        SentenceStance part = model().sentence();
        float[][] first = part.predict(TEXTS, TARGETS);
        float[][] again = part.predict(List.of(TEXTS.get(2), TEXTS.get(0), "plums"), List.of(TARGETS.get(2), TARGETS.get(0), "i love grapes"));
        assertArrayEquals(first[2], again[0], 1e-6f);
        assertArrayEquals(first[0], again[1], 1e-6f);
    }

    /** A thread read in one pass (texts encoded together) gets the probabilities of one text at a time. */
    @Test
    void manyTextsAtOnceMatchOneAtATime() {
        List<List<TargetStance>> all = model().stance(TEXTS, List.of(TinyStance.UNSEEN, "plums"));
        for (int i = 0; i < TEXTS.size(); i++) {
            List<TargetStance> one = model().stance(TEXTS.get(i), List.of(TinyStance.UNSEEN, "plums"));
            for (int j = 0; j < 2; j++)
                for (Stance s : Stance.values())
                    assertEquals(one.get(j).probabilities().get(s), all.get(i).get(j).probabilities().get(s), 1e-5);
        }
    }

    /** Requests read stance at once on many threads (the encoder, the target cache, the network): each gets what it gets alone. */
    @Test
    void concurrentCallersGetTheAnswersOfOne() throws Exception {
        SentenceStance part = model().sentence();
        List<String> texts = List.of("i love grapes", "i hate grapes", "we must stop plums", "great melons , love them",
                "what time is the meeting", "terrible lemons , hate them");
        List<String> targets = List.of("grapes", "pears", "plums", "melons", "kiwis", "lemons");
        float[][] alone = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) alone[i] = part.predict(List.of(texts.get(i)), List.of(targets.get(i)))[0];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[][]>> runs = new java.util.ArrayList<>();
            for (int run = 0; run < 8; run++) {
                List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, texts.size()).boxed().toList());
                java.util.Collections.shuffle(order, new java.util.Random(run));
                runs.add(pool.submit(() -> {
                    float[][] got = new float[texts.size()][];
                    for (int i : order) got[i] = part.predict(List.of(texts.get(i)), List.of(targets.get(i)))[0];
                    return got;
                }));
            }
            for (java.util.concurrent.Future<float[][]> run : runs) {
                float[][] got = run.get();
                for (int i = 0; i < texts.size(); i++) assertArrayEquals(alone[i], got[i], 1e-6f, "text " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void itIsBlendedAfterTheNetworkAndTheWidePart() {
        StanceModel m = model();
        float[][] net = m.targetModel().predict(TEXTS, TARGETS), wide = m.wide().predict(TEXTS, TARGETS);
        float[][] sentence = m.sentence().predict(TEXTS, TARGETS), p = m.targetProbabilities(TEXTS, TARGETS);
        double s = m.sentence().config().weight();
        for (int i = 0; i < p.length; i++)
            for (int k = 0; k < p[i].length; k++)
                assertEquals((1 - s) * (0.5 * net[i][k] + 0.5 * wide[i][k]) + s * sentence[i][k], p[i][k], 1e-6);
    }

    @Test
    void aBundleRoundTripGivesIdenticalProbabilities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stance.zip");
        StanceBundle.save(model(), file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        assertNotNull(loaded.sentence());
        assertEquals(model().sentence().config(), loaded.sentence().config());
        float[][] a = model().targetProbabilities(TEXTS, TARGETS), b = loaded.targetProbabilities(TEXTS, TARGETS);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
    }

    @Test
    void aBundleTrainedOnAnotherEncodersVectorsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stance.zip");
        StanceBundle.save(model(), file);
        Map<String, byte[]> entries = StanceBundleTest.entries(file);
        entries.put("target/sentence.json", new String(entries.get("target/sentence.json"))
                .replace(SentenceEncoder.NAME, "e5-small-v2").getBytes());
        String message = StanceBundleTest.refusal(StanceBundleTest.write(dir.resolve("other-encoder.zip"), entries));
        assertTrue(message.contains("target/sentence.json") && message.contains("e5-small-v2") && message.contains(SentenceEncoder.NAME), message);
    }

    @Test
    void trainingRecordsTheSentencePartsEpochs() {
        assertTrue(model().provenance().has("sentenceBestEpoch"));
    }

    /**
     * The part trained anew, not the cached model's (PIT swaps the training code in a JVM that trained that one before):
     * it fits the training pairs in batches of 64, keeps the first epoch with the best dev macro-F1, whose history holds
     * the kept part's own dev figure, and refuses no training or dev pairs.
     */
    @Test
    void aPartTrainedAnewFitsItsPairsAndKeepsItsBestEpoch() {
        List<Pair> train = TinyStance.pairs(TinyStance.data().train());
        List<Pair> dev = TinyStance.pairs(TinyStance.data().dev());
        assertTrue(train.size() > 64, "more than one batch");
        SentenceStance.Config d = SentenceStance.Config.defaults();
        SentenceStance.Config c = new SentenceStance.Config(d.encoder(), 32, 0.0, 0.01, 8, 8, d.weight());
        SentenceStance.Trained t = SentenceStance.train(train, dev, Stance.COUNT, c, SentenceEncoder.shared(), 3,
                StanceMetrics::stance, org.parley.eval.ClassMetrics::macroF1, new java.io.PrintStream(new java.io.ByteArrayOutputStream()));

        double accuracy = TinyStance.figures(t.model()::predict, train).accuracy();
        assertTrue(accuracy >= 0.9, accuracy + " of the training pairs right");
        assertEquals(8, t.devScoreByEpoch().size());
        TinyStance.assertKeptTheBestEpoch(t.devScoreByEpoch(), t.bestEpoch(), TinyStance.figures(t.model()::predict, dev).macroF1());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SentenceStance.train(List.of(), dev,
                Stance.COUNT, c, SentenceEncoder.shared(), 3, StanceMetrics::stance, org.parley.eval.ClassMetrics::macroF1, System.out));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SentenceStance.train(train, List.of(),
                Stance.COUNT, c, SentenceEncoder.shared(), 3, StanceMetrics::stance, org.parley.eval.ClassMetrics::macroF1, System.out));
    }

    /** The configured share of the hidden layer's inputs is dropped while training: DL4J's dropOut takes the share kept. */
    @Test
    void theHiddenLayerDropsTheConfiguredShare() {
        SentenceStance.Config d = SentenceStance.Config.defaults();
        var graph = SentenceStance.create(Stance.COUNT, new SentenceStance.Config(d.encoder(), 16, 0.3, 0.01, 1, 1, d.weight()), 3);
        var layer = (org.deeplearning4j.nn.conf.layers.BaseLayer) graph.getLayer("hidden").conf().getLayer();
        assertEquals(0.7, ((org.deeplearning4j.nn.conf.dropout.Dropout) layer.getIDropout()).getP(), 1e-9);
        assertEquals(16, graph.getLayer("hidden").getParam("W").size(1));
    }
}
