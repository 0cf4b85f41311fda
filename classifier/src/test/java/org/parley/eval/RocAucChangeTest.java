package org.parley.eval;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The before/after table of scripts/evaluate --compare, on fixed figures. */
class RocAucChangeTest {
    /** An evaluation with these TOXICITY / INSULT / THREAT ROC-AUCs; THREAT "NaN" = one class only. */
    private static Evaluation evaluation(String model, String split, double tox, double insult, String threat, double mean) {
        return Evaluation.fromJson("""
                {"model": "%s", "n": 200, "split": "%s", "meanRocAuc": %s,
                 "attributes": {
                   "TOXICITY": {"n": 200, "positives": 50, "rocAuc": %s, "prAuc": 0.5},
                   "SEVERE_TOXICITY": {"n": 0, "positives": 0, "rocAuc": "NaN", "prAuc": "NaN"},
                   "IDENTITY_ATTACK": {"n": 0, "positives": 0, "rocAuc": "NaN", "prAuc": "NaN"},
                   "INSULT": {"n": 120, "positives": 30, "rocAuc": %s, "prAuc": 0.5},
                   "PROFANITY": {"n": 0, "positives": 0, "rocAuc": "NaN", "prAuc": "NaN"},
                   "THREAT": {"n": 120, "positives": 0, "rocAuc": %s, "prAuc": "NaN"}},
                 "sources": {}}""".formatted(model, split, mean, tox, insult, threat));
    }

    @Test
    void linesUpTheTwoModelsPerLabelledAttributeWithTheDifference() {
        RocAucChange c = RocAucChange.of("dev split",
                evaluation("models/toxicity.zip", "s1", 0.90, 0.85, "\"NaN\"", 0.875),
                evaluation("runs/new.zip", "s1", 0.92, 0.84, "\"NaN\"", 0.88));
        List<RocAucChange.Line> lines = c.lines();
        assertEquals(List.of(Attribute.TOXICITY, Attribute.INSULT, Attribute.THREAT),
                lines.stream().map(RocAucChange.Line::attribute).toList(), "unlabelled attributes are left out");
        assertEquals(0.02, lines.get(0).change(), 1e-12);
        assertEquals(-0.01, lines.get(1).change(), 1e-12);
        assertEquals(120, lines.get(1).n());
        assertEquals(30, lines.get(1).positives());
        assertTrue(Double.isNaN(lines.get(2).change()));
        assertEquals(0.005, c.mean().change(), 1e-12);

        assertEquals("""
                ROC-AUC on dev split (200 rows): before = models/toxicity.zip, after = runs/new.zip
                attribute              n     pos   before    after   change
                TOXICITY             200      50   0.9000   0.9200  +0.0200
                INSULT               120      30   0.8500   0.8400  -0.0100
                THREAT               120       0      n/a      n/a      n/a
                mean                               0.8750   0.8800  +0.0050
                """, c.table().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void showsEachChangesIntervalWhenGiven() {
        RocAucChange c = RocAucChange.of("dev split",
                evaluation("old", "s1", 0.90, 0.85, "\"NaN\"", 0.875),
                evaluation("new", "s1", 0.92, 0.84, "\"NaN\"", 0.88));
        var nan = new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN);
        var intervals = new RocAucBootstrap.Result("new", "old", 500, Map.of(
                Attribute.TOXICITY, new Bootstrap.Interval(0.02, 0.011, 0.0293),
                Attribute.INSULT, new Bootstrap.Interval(-0.01, -0.031, 0.012),
                Attribute.THREAT, nan), new Bootstrap.Interval(0.005, -0.002, 0.0121));
        assertEquals("""
                ROC-AUC on dev split (200 rows): before = old, after = new
                attribute              n     pos   before    after   change  95% interval (500 paired bootstrap draws)
                TOXICITY             200      50   0.9000   0.9200  +0.0200  [+0.0110, +0.0293]
                INSULT               120      30   0.8500   0.8400  -0.0100  [-0.0310, +0.0120]
                THREAT               120       0      n/a      n/a      n/a  n/a
                mean                               0.8750   0.8800  +0.0050  [-0.0020, +0.0121]
                """, c.table(intervals).replace(System.lineSeparator(), "\n"));
        assertEquals(c.table(), c.table(null));
    }

    @Test
    void refusesEvaluationsOfDifferentRows() {
        var e = assertThrows(IllegalArgumentException.class, () -> RocAucChange.of("dev split",
                evaluation("old", "s1", 0.9, 0.8, "0.7", 0.8), evaluation("new", "s2", 0.9, 0.8, "0.7", 0.8)));
        assertTrue(e.getMessage().contains("different rows"), e.getMessage());
    }
}
