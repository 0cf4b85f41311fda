package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanceMetricsTest {
    private static final int F = 0, A = 1, N = 2, R = org.parley.eval.Bootstrap.DEFAULT_RESAMPLES;

    @Test
    void stanceFiguresComeWithIntervalsAroundThem() {
        int[] gold = new int[90], predicted = new int[90];
        for (int i = 0; i < 90; i++) {
            gold[i] = i % 3;
            predicted[i] = i % 5 == 0 ? (i + 1) % 3 : i % 3; // every fifth row wrong
        }
        JsonNode j = StanceMetrics.stanceJson(gold, predicted, each(gold.length), R);
        double fAvg = j.get("fAvg").asDouble();
        JsonNode ci = j.get("interval95");
        assertTrue(ci.get("fAvg").get(0).asDouble() < fAvg && fAvg < ci.get("fAvg").get(1).asDouble(), j.toString());
        assertTrue(ci.get("accuracy").get(0).asDouble() < 0.8 && 0.8 < ci.get("accuracy").get(1).asDouble(), j.toString());
        assertTrue(ci.get("macroF1").get(1).asDouble() <= 1, j.toString());
    }

    /**
     * The twenty-sixth session's stance audit: the draws were always 1,000. Whatever their number,
     * each interval holds the figure on all rows, is the same on a second run (a fixed seed), and is
     * wider on fewer rows: 30 rows against the same 30 five times over.
     */
    @Test
    void anIntervalHoldsTheFigureRepeatsAndNarrowsWithMoreRows() {
        int[] gold = new int[30], predicted = new int[30];
        for (int i = 0; i < 30; i++) {
            gold[i] = i % 3;
            predicted[i] = i % 4 == 0 ? (i + 1) % 3 : i % 3; // every fourth row wrong
        }
        int[] gold5 = new int[150], predicted5 = new int[150];
        for (int i = 0; i < 150; i++) {
            gold5[i] = gold[i % 30];
            predicted5[i] = predicted[i % 30];
        }
        for (int resamples : new int[] {200, R}) {
            JsonNode few = StanceMetrics.stanceJson(gold, predicted, each(gold.length), resamples), many = StanceMetrics.stanceJson(gold5, predicted5, each(gold5.length), resamples);
            for (String figure : List.of("fAvg", "macroF1")) {
                for (JsonNode j : List.of(few, many)) {
                    JsonNode ci = j.at("/interval95/" + figure);
                    assertTrue(ci.get(0).asDouble() <= j.get(figure).asDouble() && j.get(figure).asDouble() <= ci.get(1).asDouble(), j.toString());
                }
                assertEquals(few.get(figure).asDouble(), many.get(figure).asDouble(), 1e-9, "the same figure on all rows");
                assertTrue(width(few, figure) > width(many, figure), figure + ": " + few + " against " + many);
            }
            assertEquals(few, StanceMetrics.stanceJson(gold, predicted, each(gold.length), resamples), "the same draws again");
        }
    }

    /** Of classes equally likely, the first is predicted; each row of a batch is read on its own. */
    @Test
    void argmaxTakesTheFirstOfEqualClassesRowByRow() {
        assertEquals(0, StanceMetrics.argmax(new float[] {0.4f, 0.4f, 0.2f}));
        assertEquals(1, StanceMetrics.argmax(new float[] {0.2f, 0.4f, 0.4f}));
        assertArrayEquals(new int[] {2, 0, 1}, StanceMetrics.argmax(new float[][] {{0.1f, 0.2f, 0.7f}, {0.5f, 0.3f, 0.2f}, {0.3f, 0.6f, 0.1f}}));
    }

    /** A figure of no rows is NaN ("not measured"), not rounded to 0, which would read as a model that got all wrong. */
    @Test
    void aFigureOfNoRowsStaysNaN() {
        JsonNode d = StanceMetrics.stanceDifference(new int[0], new int[0], new int[0], new int[0], 0);
        assertTrue(Double.isNaN(d.at("/macroF1/value").asDouble()), d.toString());
        assertTrue(Double.isNaN(d.at("/accuracy/value").asDouble()), d.toString());
    }

    /** --resamples 0: the figures as before, and no interval, of a model's figures or of a difference. */
    @Test
    void noDrawsGiveTheFiguresWithoutIntervals() {
        int[] gold = {F, A, N, F, A, N, F, A}, a = {F, A, N, A, A, N, F, F}, b = {N, N, N, N, N, N, N, N};
        JsonNode with = StanceMetrics.stanceJson(gold, a, each(gold.length), R), without = StanceMetrics.stanceJson(gold, a, each(gold.length), 0);
        assertFalse(without.has("interval95"), without.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) with).remove("interval95");
        assertEquals(with, without);
        assertFalse(StanceMetrics.replyJson(new int[] {0, 3}, new int[] {3, 3}, each(2), 0).has("interval95"));
        JsonNode d = StanceMetrics.stanceDifference(gold, a, b, each(gold.length), 0), dWith = StanceMetrics.stanceDifference(gold, a, b, each(gold.length), R);
        for (String figure : List.of("fAvg", "macroF1", "accuracy")) {
            assertFalse(d.get(figure).has("interval95"), d.toString());
            assertEquals(dWith.at("/" + figure + "/value"), d.at("/" + figure + "/value"));
        }
    }

    private static double width(JsonNode figures, String figure) {
        return figures.at("/interval95/" + figure + "/1").asDouble() - figures.at("/interval95/" + figure + "/0").asDouble();
    }

    /** With 20 of each class, every draw holds both FAVOR and AGAINST (a draw without one would score its F1 0). */
    @Test
    void aPerfectPredictorHasNoSpread() {
        int[] gold = new int[60];
        for (int i = 0; i < 60; i++) gold[i] = new int[] {F, A, N}[i % 3];
        JsonNode ci = StanceMetrics.stanceJson(gold, gold.clone(), each(gold.length), R).get("interval95");
        assertEquals("[100.0,100.0]", ci.get("fAvg").toString());
        JsonNode reply = StanceMetrics.replyJson(new int[] {0, 1, 2, 3, 3, 3}, new int[] {0, 1, 2, 3, 3, 3}, each(6), R).get("interval95");
        assertEquals("[1.0,1.0]", reply.get("accuracy").toString());
    }
    @Test
    void aPairedDifferenceIsZeroForTheSamePredictionsAndAboveZeroForClearlyBetterOnes() {
        int[] gold = new int[150], good = new int[150], poor = new int[150];
        for (int i = 0; i < 150; i++) {
            gold[i] = i % 3;
            good[i] = i % 10 == 0 ? (i + 1) % 3 : gold[i]; // 10 % wrong
            poor[i] = i % 2 == 0 ? (i + 1) % 3 : gold[i];  // 50 % wrong
        }
        JsonNode same = StanceMetrics.stanceDifference(gold, good, good.clone(), each(gold.length), R);
        assertEquals("{\"value\":0.0,\"interval95\":[0.0,0.0]}", same.get("fAvg").toString());
        JsonNode better = StanceMetrics.stanceDifference(gold, good, poor, each(gold.length), R);
        assertEquals(150, better.get("n").asInt());
        assertTrue(better.at("/fAvg/interval95/0").asDouble() > 0, better.toString());
        assertEquals(0.4, better.at("/accuracy/value").asDouble(), 1e-9);
        JsonNode reply = StanceMetrics.replyDifference(new int[] {3, 3, 3, 0}, new int[] {3, 3, 3, 1}, new int[] {3, 3, 3, 3}, each(4), R);
        assertEquals(0.0, reply.at("/accuracy/value").asDouble(), 1e-12, "one wrong each");
    }

    @Test
    void aRememberingPredictorAsksOncePerListOfPairs() {
        int[] calls = {0};
        PairPredictor counting = (texts, contexts) -> {
            calls[0]++;
            return new int[texts.size()];
        };
        PairPredictor remembering = counting.remembering();
        remembering.predict(java.util.List.of("a", "b"), java.util.List.of("t", "t"));
        int[] again = remembering.predict(new java.util.ArrayList<>(java.util.List.of("a", "b")), java.util.List.of("t", "t"));
        again[0] = 2; // callers get their own copy
        assertEquals(0, remembering.predict(java.util.List.of("a", "b"), java.util.List.of("t", "t"))[0]);
        remembering.predict(java.util.List.of("a", "b"), java.util.List.of("t", "u"));
        assertEquals(2, calls[0]);
    }

    /** Every row its own cluster: the rows drawn one by one. */
    private static int[] each(int rows) {
        return java.util.stream.IntStream.range(0, rows).toArray();
    }
}
