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
}
