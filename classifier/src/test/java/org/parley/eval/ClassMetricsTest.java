package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {
    private static final int F = 0, A = 1, N = 2;

    /**
     * Worked by hand. FAVOR: 3 predicted, 2 right of 4 gold → P 2/3, R 1/2, F1 4/7.
     * AGAINST: 3 predicted, 2 right of 2 gold → P 2/3, R 1, F1 4/5. NONE: P 3/4, R 3/4, F1 3/4.
     * F_avg = (4/7 + 4/5) / 2; NONE's F1 is not part of it.
     */
    @Test
    void fAvgIsTheMeanF1OfFavorAndAgainstOnly() {
        int[] gold = {F, F, F, F, A, A, N, N, N, N};
        int[] pred = {F, F, N, A, A, A, N, N, N, F};
        ClassMetrics m = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), gold, pred);
        assertEquals(2.0 / 3, m.precision(F), 1e-12);
        assertEquals(0.5, m.recall(F), 1e-12);
        assertEquals(4.0 / 7, m.f1(F), 1e-12);
        assertEquals(0.8, m.f1(A), 1e-12);
        assertEquals(0.75, m.f1(N), 1e-12);
        assertEquals((4.0 / 7 + 0.8) / 2, m.meanF1(F, A), 1e-12);
        assertEquals((4.0 / 7 + 0.8 + 0.75) / 3, m.macroF1(), 1e-12);
        assertEquals(0.7, m.accuracy(), 1e-12);
        assertEquals(1, m.count(F, A));
    }

    @Test
    void theJsonSaysWhatEachGoldClassWasTakenFor() {
        int[] gold = {F, F, F, F, A, A, N, N, N, N};
        int[] pred = {F, F, N, A, A, A, N, N, N, F};
        var favor = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), gold, pred).toJson().get("perClass").get("FAVOR");
        assertEquals(4, favor.get("gold").asInt());
        assertEquals(2, favor.get("predicted").get("FAVOR").asInt());
        assertEquals(1, favor.get("predicted").get("AGAINST").asInt());
        assertEquals(1, favor.get("predicted").get("NONE").asInt());
    }

    /** The JSON's figures are rounded to four places; a figure with no rows stays NaN, not 0. */
    @Test
    void theJsonRoundsToFourPlacesAndKeepsNaN() {
        int[] gold = {F, F, F, F, A, A, N, N, N, N};
        int[] pred = {F, F, N, A, A, A, N, N, N, F};
        var json = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), gold, pred).toJson();
        assertEquals(0.6667, json.get("perClass").get("FAVOR").get("precision").asDouble(), 0);
        assertEquals(0.5714, json.get("perClass").get("FAVOR").get("f1").asDouble(), 0);
        assertEquals(0.7, json.get("accuracy").asDouble(), 0);
        var empty = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), new int[0], new int[0]).toJson();
        assertTrue(Double.isNaN(empty.get("accuracy").asDouble()), empty.toString());
        assertTrue(Double.isNaN(empty.get("macroF1").asDouble()), empty.toString());
    }

    @Test
    void aClassNeverPredictedNorPresentScoresZero() {
        ClassMetrics m = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), new int[] {N, N}, new int[] {N, N});
        assertEquals(0, m.f1(F));
        assertEquals(0, m.meanF1(F, A), "F_avg of a set without FAVOR or AGAINST is 0");
        assertEquals(1.0, m.accuracy());
    }

    @Test
    void macroF1IsOverTheClassesTheGoldLabelsUse() {
        // A two-class set (P-Stance): one NONE prediction costs recall, but NONE's F1 is not averaged in.
        ClassMetrics m = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), new int[] {F, F, A, A}, new int[] {F, N, A, A});
        assertEquals((2.0 / 3 + 1.0) / 2, m.macroF1(), 1e-12); // F: P 1, R 1/2, F1 2/3; A: P 1, R 1, F1 1
        assertEquals(m.meanF1(F, A), m.macroF1(), 1e-12);
    }

    @Test
    void aWeightCountsARowThatManyTimes() {
        int[] gold = {F, F, A, N, N};
        int[] pred = {F, A, A, N, F};
        int[] weights = {2, 0, 1, 3, 1};
        ClassMetrics weighted = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), gold, pred, weights);
        ClassMetrics listed = new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"),
                new int[] {F, F, A, N, N, N, N}, new int[] {F, F, A, N, N, N, F});
        assertEquals(7, weighted.size());
        assertEquals(listed.accuracy(), weighted.accuracy(), 1e-12);
        assertEquals(listed.macroF1(), weighted.macroF1(), 1e-12);
        assertEquals(listed.meanF1(F, A), weighted.meanF1(F, A), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(List.of("FAVOR", "AGAINST", "NONE"), gold, pred, new int[] {1}));
    }

    @Test
    void lengthsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> new ClassMetrics(List.of("a", "b"), new int[] {0}, new int[] {0, 1}));
    }
}
