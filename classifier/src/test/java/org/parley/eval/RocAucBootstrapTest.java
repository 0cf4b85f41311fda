package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

class RocAucBootstrapTest {
    static final Attribute TOX = Attribute.TOXICITY;
    static final Attribute THR = Attribute.THREAT;

    /** n rows labelling TOXICITY (every third positive); every fifth also labels THREAT (every other of those positive). */
    static List<Example> examples(int n) {
        List<Example> ex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Labels l = i % 5 == 0
                    ? Labels.of(Map.of(TOX, i % 3 == 0 ? 1.0 : 0.0, THR, i % 10 == 0 ? 1.0 : 0.0))
                    : Labels.of(Map.of(TOX, i % 3 == 0 ? 1.0 : 0.0));
            ex.add(new Example("c", String.valueOf(i), "t" + i, l));
        }
        return ex;
    }

    /** Scores that track the labels with noise of the given size, rounded to 0.05 so that many tie. */
    static float[][] scores(List<Example> ex, double noise, long seed) {
        Random r = new Random(seed);
        float[][] s = new float[ex.size()][Attribute.COUNT];
        for (int i = 0; i < ex.size(); i++) {
            for (Attribute a : Attribute.values()) {
                double signal = ex.get(i).labels().has(a) && ex.get(i).labels().positive(a) ? 1 : 0;
                s[i][a.ordinal()] = Math.round((signal + noise * r.nextGaussian()) * 20) / 20f;
            }
        }
        return s;
    }

    @Test
    void pointEstimateIsTheDifferenceOfTheEvaluations() {
        List<Example> ex = examples(300);
        float[][] a = scores(ex, 0.6, 1), b = scores(ex, 1.2, 2);
        var result = RocAucBootstrap.of("a", a, "b", b, ex, 50, 7);
        Evaluation ea = Evaluation.of("a", ex, a), eb = Evaluation.of("b", ex, b);
        assertEquals(Map.of(TOX, 0, THR, 0).keySet(), result.attributes().keySet());
        for (Attribute attr : List.of(TOX, THR))
            assertEquals(ea.attribute(attr).rocAuc() - eb.attribute(attr).rocAuc(),
                    result.attributes().get(attr).value(), 1e-12, attr.name());
        assertEquals(ea.meanRocAuc() - eb.meanRocAuc(), result.mean().value(), 1e-12);
    }

    /** Each draw's weighted statistic equals Metrics.rocAuc on the rows drawn, listed out one by one. */
    @Test
    void intervalMatchesExplicitResamplingWithTheSameDraws() {
        List<Example> ex = examples(200);
        float[][] a = scores(ex, 0.7, 3), b = scores(ex, 0.9, 4);
        int resamples = 40;
        var result = RocAucBootstrap.of("a", a, "b", b, ex, resamples, 11);

        SplittableRandom random = new SplittableRandom(11);
        double[] diffs = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            List<Example> drawn = new ArrayList<>();
            List<float[]> da = new ArrayList<>(), db = new ArrayList<>();
            int[] counts = new int[ex.size()];
            for (int i = 0; i < ex.size(); i++) counts[random.nextInt(ex.size())]++;
            for (int i = 0; i < ex.size(); i++)
                for (int c = 0; c < counts[i]; c++) {
                    drawn.add(ex.get(i));
                    da.add(a[i]);
                    db.add(b[i]);
                }
            diffs[r] = Evaluation.of("a", drawn, da.toArray(float[][]::new)).attribute(TOX).rocAuc()
                    - Evaluation.of("b", drawn, db.toArray(float[][]::new)).attribute(TOX).rocAuc();
        }
        Arrays.sort(diffs);
        var tox = result.attributes().get(TOX);
        assertEquals(Bootstrap.percentile(diffs, 0.025), tox.low(), 1e-12);
        assertEquals(Bootstrap.percentile(diffs, 0.975), tox.high(), 1e-12);
    }

    @Test
    void aClearlyBetterModelHasAnIntervalAboveZeroAndTheSameModelHasNone() {
        List<Example> ex = examples(600);
        float[][] good = scores(ex, 0.3, 5), poor = scores(ex, 2.0, 6);
        var better = RocAucBootstrap.of("good", good, "poor", poor, ex, 200, 1);
        assertTrue(better.mean().low() > 0, better.toString());
        assertTrue(better.mean().excludesZero());
        var same = RocAucBootstrap.of("good", good, "copy", good.clone(), ex, 200, 1);
        assertEquals(new Bootstrap.Interval(0, 0, 0), same.mean());
        assertFalse(same.mean().excludesZero());
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndTheIntervalHoldsThePoint() {
        List<Example> ex = examples(250);
        float[][] a = scores(ex, 0.8, 8), b = scores(ex, 0.8, 9);
        var first = RocAucBootstrap.of("a", a, "b", b, ex, 100, 3);
        assertEquals(first, RocAucBootstrap.of("a", a, "b", b, ex, 100, 3));
        var m = first.mean();
        assertTrue(m.low() <= m.value() && m.value() <= m.high(), m.toString());
        assertTrue(m.low() < 0 && m.high() > 0, "two models of equal noise: " + m);
    }

    @Test
    void aModelWithoutAScoreGetsNoFigure() {
        List<Example> ex = examples(100);
        float[][] a = scores(ex, 0.5, 1), b = scores(ex, 0.5, 2);
        for (float[] row : b) row[THR.ordinal()] = Float.NaN;
        var result = RocAucBootstrap.of("a", a, "b", b, ex, 20, 1);
        assertTrue(Double.isNaN(result.attributes().get(THR).value()));
        assertTrue(Double.isNaN(result.mean().value()));
        assertFalse(Double.isNaN(result.attributes().get(TOX).low()));
    }

    @Test
    void tableListsEachAttributeThenTheMean() {
        var r = new RocAucBootstrap.Result("parley", "linear-ngram", 1000, Map.of(
                TOX, new Bootstrap.Interval(0.0031, 0.0012, 0.005),
                THR, new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN)),
                new Bootstrap.Interval(0.007, 0.0051, 0.009));
        assertEquals("""
                ROC-AUC of parley minus linear-ngram, with the 95% interval of 1000 paired bootstrap draws of the rows:
                attribute        difference  95% interval
                TOXICITY            +0.0031  [+0.0012, +0.0050]
                THREAT                  n/a  n/a
                mean                +0.0070  [+0.0051, +0.0090]
                """, RocAucBootstrap.table(r).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aModelsOwnIntervalHoldsItsRocAuc() {
        List<Example> ex = examples(400);
        float[][] a = scores(ex, 0.8, 12);
        var own = RocAucBootstrap.of("a", a, ex, 300, 4);
        Evaluation e = Evaluation.of("a", ex, a);
        assertEquals(e.attribute(TOX).rocAuc(), own.attributes().get(TOX).value(), 1e-12);
        assertEquals(e.meanRocAuc(), own.mean().value(), 1e-12);
        var m = own.mean();
        assertTrue(m.low() < m.value() && m.value() < m.high() && m.high() <= 1, m.toString());
        assertTrue(RocAucBootstrap.table(own).startsWith("ROC-AUC of a, with the 95% interval of 300 bootstrap draws"));
    }

    @Test
    void refusesScoresOfOtherRows() {
        List<Example> ex = examples(10);
        float[][] a = scores(ex, 0.5, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> RocAucBootstrap.of("a", a, "b", Arrays.copyOf(a, 9), ex, 10, 1));
        assertTrue(e.getMessage().contains("9 score rows of b for 10 examples"), e.getMessage());
    }
}
