package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StanceMetricsTest {
    private static final int F = 0, A = 1, N = 2;

    @Test
    void stanceFiguresComeWithIntervalsAroundThem() {
        int[] gold = new int[90], predicted = new int[90];
        for (int i = 0; i < 90; i++) {
            gold[i] = i % 3;
            predicted[i] = i % 5 == 0 ? (i + 1) % 3 : i % 3; // every fifth row wrong
        }
        JsonNode j = StanceMetrics.stanceJson(gold, predicted);
        double fAvg = j.get("fAvg").asDouble();
        JsonNode ci = j.get("interval95");
        assertTrue(ci.get("fAvg").get(0).asDouble() < fAvg && fAvg < ci.get("fAvg").get(1).asDouble(), j.toString());
        assertTrue(ci.get("accuracy").get(0).asDouble() < 0.8 && 0.8 < ci.get("accuracy").get(1).asDouble(), j.toString());
        assertTrue(ci.get("macroF1").get(1).asDouble() <= 1, j.toString());
    }

    /** With 20 of each class, every draw holds both FAVOR and AGAINST (a draw without one would score its F1 0). */
    @Test
    void aPerfectPredictorHasNoSpread() {
        int[] gold = new int[60];
        for (int i = 0; i < 60; i++) gold[i] = new int[] {F, A, N}[i % 3];
        JsonNode ci = StanceMetrics.stanceJson(gold, gold.clone()).get("interval95");
        assertEquals("[100.0,100.0]", ci.get("fAvg").toString());
        JsonNode reply = StanceMetrics.replyJson(new int[] {0, 1, 2, 3, 3, 3}, new int[] {0, 1, 2, 3, 3, 3}).get("interval95");
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
        JsonNode same = StanceMetrics.stanceDifference(gold, good, good.clone());
        assertEquals("{\"value\":0.0,\"interval95\":[0.0,0.0]}", same.get("fAvg").toString());
        JsonNode better = StanceMetrics.stanceDifference(gold, good, poor);
        assertEquals(150, better.get("n").asInt());
        assertTrue(better.at("/fAvg/interval95/0").asDouble() > 0, better.toString());
        assertEquals(0.4, better.at("/accuracy/value").asDouble(), 1e-9);
        JsonNode reply = StanceMetrics.replyDifference(new int[] {3, 3, 3, 0}, new int[] {3, 3, 3, 1}, new int[] {3, 3, 3, 3});
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
}
