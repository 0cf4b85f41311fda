package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

class ComparisonTest {

    @Test
    void linesModelsUpRowByRow() {
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        float[][] flat = new float[6][Attribute.COUNT];
        Evaluation chance = Evaluation.of("chance", EvaluationTest.examples(), flat);
        Comparison c = Comparison.of(good, chance);
        assertEquals(List.of("good", "chance"), c.models());
        List<Comparison.Row> rows = c.attributeRows();
        assertEquals(Attribute.COUNT, rows.size());
        Comparison.Row tox = rows.get(0);
        assertNull(tox.source());
        assertEquals(5, tox.n());
        assertArrayEquals(new double[] {5.0 / 6, 0.5}, tox.rocAuc(), 1e-12);
        assertArrayEquals(new double[] {good.attribute(Attribute.TOXICITY).prAuc(), chance.attribute(Attribute.TOXICITY).prAuc()},
                tox.prAuc(), 1e-12);
        assertEquals(good.split(), c.split());
        List<Comparison.Row> bySource = c.sourceRows();
        assertEquals(3, bySource.size()); // a: TOX, INS; b: TOX
        Comparison.Row insult = bySource.get(1);
        assertEquals("a", insult.source());
        assertEquals(Attribute.INSULT, insult.attribute());
        // a's INSULT labels 1, 0, 0.2 against scores 0.7, 0.2, 0.3: ranked perfectly; flat scores are chance
        assertArrayEquals(new double[] {1, 0.5}, insult.rocAuc(), 1e-12);
        assertArrayEquals(new double[] {1, 1.0 / 3}, insult.prAuc(), 1e-12);
    }

    @Test
    void refusesDifferentSplitsAndDuplicateNames() {
        List<Example> ex = EvaluationTest.examples();
        Evaluation a = Evaluation.of("a", ex, EvaluationTest.scores(0));
        List<Example> other = new ArrayList<>(ex);
        other.set(0, new Example("a", "99", "x", Labels.none()));
        Evaluation b = Evaluation.of("b", other, EvaluationTest.scores(0));
        var e = assertThrows(IllegalArgumentException.class, () -> Comparison.of(a, b));
        assertEquals("'b' was evaluated on another split (" + b.split() + ", n=6) than 'a' (" + a.split() + ", n=6)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Comparison.of(a, a));
        assertEquals("two evaluations are named 'a'; give each model a distinct name", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(List.of()));
    }

    @Test
    void bestKeepsTiesAndSkipsNaN() {
        assertEquals(Set.of(1), Comparison.best(new double[] {0.7, 0.9, Double.NaN}));
        assertEquals(Set.of(0, 2), Comparison.best(new double[] {0.9, 0.8, 0.9}));
        assertEquals(Set.of(), Comparison.best(new double[] {Double.NaN, Double.NaN}));
    }
}
