package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Stance;
import org.parley.text.TextPipeline;

/**
 * The wide part's target-conjoined features: a seen target gets its own copy of each n-gram, an
 * unseen one (or one with too few rows) only the shared features; and the copies let one phrase mean
 * opposite things for two targets, which shared features alone cannot.
 */
class WideStanceTest {
    private static final WideStance.Config CONFIG = new WideStance.Config(12, 12, 10, 4.0, 0.5);
    private static final String[] PHRASES = {"we need more of it", "there should be more of it here", "more of it please",
            "give us more of it", "i want more of it", "more of it in every town"};
    static WideStance wide;

    /** Every phrase is FAVOR for "taxes" and AGAINST for "crime": only the conjoined copies can tell. */
    @BeforeAll
    static void train() {
        List<Pair> train = new ArrayList<>();
        for (int r = 0; r < 2; r++)
            for (String p : PHRASES) {
                train.add(new Pair(p, "taxes", Stance.FAVOR.ordinal()));
                train.add(new Pair(p, "crime", Stance.AGAINST.ordinal()));
                train.add(new Pair("the weather is fine " + p.length(), "taxes", Stance.NONE.ordinal()));
            }
        train.add(new Pair("rare target row", "parking", Stance.NONE.ordinal()));
        wide = WideStance.train(train, Stance.COUNT, CONFIG, 1);
    }

    /**
     * A pair's probabilities are each class's one-vs-rest sigmoid of its weights times the pair's row, normalised over
     * the classes; a target is conjoined from exactly {@code minTargetRows} rows; a class with no training row has only
     * its intercept, at -8, and a class every row has, +8.
     */
    @Test
    void probabilitiesAreTheNormalisedSigmoidsAndAClassWithoutRowsIsNeverPredicted() {
        for (String text : List.of("we need more of it", "the weather is fine 18", "nothing like it"))
            for (String target : List.of("taxes", "crime", "grapes")) {
                Feature[] x = wide.liblinearRow(wide.tfIdf().transform(text), target);
                double[] sigmoid = new double[Stance.COUNT];
                double sum = 0;
                for (int k = 0; k < Stance.COUNT; k++) {
                    double z = 0;
                    for (Feature f : x) z += wide.weights()[k][f.getIndex() - 1] * f.getValue();
                    sum += sigmoid[k] = 1 / (1 + Math.exp(-z));
                }
                float[] p = wide.predict(List.of(text), List.of(target))[0];
                for (int k = 0; k < Stance.COUNT; k++) assertEquals(sigmoid[k] / sum, p[k], 1e-5, text + " / " + target + ", class " + k);
            }

        for (float[] w : wide.weights())
            assertTrue(w[w.length - 1] < 0, "each class is about a third of the rows: its one-vs-rest intercept is learned below 0");

        List<Pair> train = new ArrayList<>();
        for (int r = 0; r < 10; r++) train.add(new Pair("bees are great " + r, "bees", Stance.FAVOR.ordinal()));
        for (int r = 0; r < 9; r++) train.add(new Pair("wasps are awful " + r, "wasps", Stance.AGAINST.ordinal()));
        WideStance noNone = WideStance.train(train, Stance.COUNT, new WideStance.Config(8, 8, 10, 1.0, 0.5), 1);
        assertEquals(List.of("bees"), noNone.conjoinedTargets(), "ten rows reach a minimum of ten; nine do not");
        float[] none = noNone.weights()[Stance.NONE.ordinal()];
        assertEquals(-8f, none[none.length - 1]);
        for (int j = 0; j < none.length - 1; j++) assertEquals(0f, none[j], "feature " + j);
        float[] p = noNone.predict(List.of("bees are great 3"), List.of("bees"))[0];
        assertTrue(p[Stance.FAVOR.ordinal()] > p[Stance.AGAINST.ordinal()] && p[Stance.NONE.ordinal()] < 0.01, Arrays.toString(p));

        List<Pair> allFavor = List.of(new Pair("bees are great", "bees", Stance.FAVOR.ordinal()), new Pair("i like bees", "bees", Stance.FAVOR.ordinal()));
        WideStance one = WideStance.train(allFavor, Stance.COUNT, new WideStance.Config(8, 8, 10, 1.0, 0.5), 1);
        float[] favor = one.weights()[Stance.FAVOR.ordinal()];
        assertEquals(8f, favor[favor.length - 1], "every row is FAVOR");
        assertEquals(-8f, one.weights()[Stance.AGAINST.ordinal()][favor.length - 1]);
    }

    /**
     * A conjoined copy's index, as the class comment lays it out: after the shared block, the bucket of the shared index
     * mixed with the target's number, copies that share a bucket added up, in ascending order before the intercept. Pinned
     * because it is every shipped stance bundle's wide input. Sixteen buckets for a row of many n-grams, so copies share.
     */
    @Test
    void aConjoinedCopyIsTheSharedIndexHashedWithTheTargetCopiesInOneBucketAddedUp() {
        List<Pair> train = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            train.add(new Pair("bees are great " + r, "bees", Stance.FAVOR.ordinal()));
            train.add(new Pair("wasps are awful " + r, "wasps", Stance.AGAINST.ordinal()));
        }
        WideStance w = WideStance.train(train, Stance.COUNT, new WideStance.Config(8, 4, 3, 1.0, 0.5), 1);
        assertEquals(List.of("bees", "wasps"), w.conjoinedTargets());
        Feature[] shared = w.liblinearRow(w.tfIdf().transform("bees are great, wasps are awful 1"), null);
        int n = shared.length - 1;
        assertTrue(n > 16, "more n-grams than buckets: " + n);
        for (String target : List.of("bees", "wasps")) {
            int t = w.conjoinedTargets().indexOf(target);
            java.util.TreeMap<Integer, Double> copies = new java.util.TreeMap<>();
            for (int k = 0; k < n; k++)
                copies.merge((1 << 8) + (org.parley.feature.FeatureExtractor.mix(shared[k].getIndex() * 0x9E3779B1 + t) & 15) + 1,
                        shared[k].getValue(), Double::sum);
            Feature[] x = w.withTarget(shared, target);
            assertEquals(n + copies.size() + 1, x.length, target);
            for (int k = 0; k < n; k++) assertSame(shared[k], x[k]);
            int at = n;
            for (var c : copies.entrySet()) {
                assertEquals(c.getKey(), x[at].getIndex(), target + " copy " + (at - n));
                assertEquals(c.getValue(), x[at].getValue(), 1e-12, target + " copy " + (at - n));
                at++;
            }
            assertSame(shared[n], x[at], "the intercept last");
        }
    }

    @Test
    void onlyTargetsWithEnoughRowsAreConjoined() {
        assertEquals(List.of("crime", "taxes"), wide.conjoinedTargets());
    }

    @Test
    void aSeenTargetAddsConjoinedCopiesAnUnseenOneNone() {
        var row = wide.tfIdf().transform("we need more of it");
        Feature[] shared = wide.liblinearRow(row, null);
        int sharedDimension = 1 << CONFIG.bits();
        Feature[] seen = wide.liblinearRow(row, "Taxes"), unseen = wide.liblinearRow(row, "grapes");
        assertSame(shared.length, unseen.length);
        assertArrayEquals(indices(shared), indices(unseen));
        assertSame(shared, wide.withTarget(shared, "parking"), "too few rows: no copies");
        long copies = Arrays.stream(seen).filter(f -> f.getIndex() > sharedDimension && f.getIndex() <= 2 * sharedDimension).count();
        assertTrue(copies > 0 && copies <= shared.length - 1, "copies: " + copies);
        int[] ix = indices(seen);
        for (int k = 1; k < ix.length; k++) assertTrue(ix[k] > ix[k - 1], "liblinear needs ascending indices: " + Arrays.toString(ix));
        assertEquals(sharedDimension + (1 << CONFIG.conjoinedBits()) + 1, ix[ix.length - 1], "intercept last");
        assertTrue(!Arrays.equals(indices(seen), indices(wide.liblinearRow(row, "crime"))), "each target has its own copies");
    }

    @Test
    void conjoinedWeightsLetOnePhraseMeanOppositeThings() {
        List<String> texts = List.of("we need more of it", "we need more of it");
        float[][] p = wide.predict(texts, List.of("taxes", "crime"));
        assertEquals(Stance.FAVOR.ordinal(), StanceMetrics.argmax(p[0]), Arrays.toString(p[0]));
        assertEquals(Stance.AGAINST.ordinal(), StanceMetrics.argmax(p[1]), Arrays.toString(p[1]));
        assertEquals(1.0, p[0][0] + p[0][1] + p[0][2], 1e-5);
        // An unseen target reads the shared weights only: for it the phrase is a toss-up of the two.
        float[] unseen = wide.predict(List.of("we need more of it"), List.of("grapes"))[0];
        assertTrue(Math.abs(unseen[Stance.FAVOR.ordinal()] - unseen[Stance.AGAINST.ordinal()]) < 0.1, Arrays.toString(unseen));
    }

    @Test
    void bundleRoundTripGivesIdenticalProbabilities(@TempDir Path dir) throws Exception {
        StanceModel model = TinyStance.model();
        assertTrue(model.wide() != null, "the tiny model has a wide part");
        Path file = dir.resolve("stance.zip");
        StanceBundle.save(model, file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        List<String> texts = List.of("i love grapes", "we must stop apples now", "i hate plums");
        List<String> targets = List.of(TinyStance.UNSEEN, "apples", "plums");
        float[][] a = model.wide().predict(texts, targets), b = loaded.wide().predict(texts, targets);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i]);
        float[][] c = model.targetProbabilities(texts, targets), d = loaded.targetProbabilities(texts, targets);
        for (int i = 0; i < c.length; i++) assertArrayEquals(c[i], d[i]);
        assertEquals(model.wide().conjoinedTargets(), loaded.wide().conjoinedTargets());
    }

    /** Bundles before version 3 (the network alone) still load, and score with the network alone. */
    @Test
    void aBundleWithoutAWidePartScoresWithTheNetworkAlone(@TempDir Path dir) throws Exception {
        StanceModel tiny = TinyStance.model();
        Path file = dir.resolve("network-only.zip");
        StanceBundle.save(new StanceModel(tiny.targetModel(), null, null, tiny.replyModel(), tiny.provenance(), null), file);
        StanceModel loaded = StanceBundle.load(file, TextPipeline.standard());
        assertNull(loaded.wide());
        List<String> texts = List.of("i hate plums"), targets = List.of("plums");
        assertArrayEquals(tiny.targetModel().predict(texts, targets)[0], loaded.targetProbabilities(texts, targets)[0]);
    }

    @Test
    void theBlendIsTheWeightedMeanOfBothParts() {
        StanceModel model = TinyStance.model();
        List<String> texts = List.of("i hate plums"), targets = List.of("plums");
        float[] net = model.targetModel().predict(texts, targets)[0], lin = model.wide().predict(texts, targets)[0];
        float[] blend = model.targetProbabilities(texts, targets)[0];
        for (int k = 0; k < blend.length; k++) assertEquals(0.5 * net[k] + 0.5 * lin[k], blend[k], 1e-6);
    }

    private static int[] indices(Feature[] x) {
        return Arrays.stream(x).mapToInt(Feature::getIndex).toArray();
    }
}
