package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-12;

    private static boolean[] labels(int... y) {
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < y.length; i++) b[i] = y[i] == 1;
        return b;
    }

    @Test
    void sklearnDocExample() {
        // The example in sklearn's roc_auc_score / average_precision_score docs.
        float[] s = {0.1f, 0.4f, 0.35f, 0.8f};
        boolean[] y = labels(0, 0, 1, 1);
        // Pairs (pos, neg): 0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4 -> 3/4.
        assertEquals(0.75, Metrics.rocAuc(s, y), EPS);
        // Thresholds 0.8: P=1, R=1/2; 0.4: no recall gain; 0.35: P=2/3, R=1 -> 1/2*1 + 1/2*2/3 = 5/6.
        assertEquals(5.0 / 6, Metrics.averagePrecision(s, y), EPS);
    }

    @Test
    void tiesCountHalfAndFormOneThreshold() {
        float[] s = {0.5f, 0.5f, 0.5f, 0.2f, 0.9f};
        boolean[] y = labels(1, 0, 0, 0, 1);
        // 0.9 beats 3 negatives (3); 0.5 ties two (2 * 1/2) and beats 0.2 (1) -> 5/6.
        assertEquals(5.0 / 6, Metrics.rocAuc(s, y), EPS);
        // 0.9: P=1, gain 1/2; group 0.5 taken whole: P=2/4, gain 1/2 -> 1/2 + 1/4.
        assertEquals(0.75, Metrics.averagePrecision(s, y), EPS);
    }

    @Test
    void allTiedIsChanceAndPrevalence() {
        float[] s = {0.3f, 0.3f, 0.3f, 0.3f};
        boolean[] y = labels(1, 0, 0, 0);
        assertEquals(0.5, Metrics.rocAuc(s, y), EPS);
        assertEquals(0.25, Metrics.averagePrecision(s, y), EPS);
    }

    @Test
    void perfectAndReversed() {
        float[] s = {0.1f, 0.2f, 0.8f, 0.9f};
        assertEquals(1.0, Metrics.rocAuc(s, labels(0, 0, 1, 1)), EPS);
        assertEquals(1.0, Metrics.averagePrecision(s, labels(0, 0, 1, 1)), EPS);
        assertEquals(0.0, Metrics.rocAuc(s, labels(1, 1, 0, 0)), EPS);
        // Positives last: 0.9 and 0.8 gain no recall; 0.2: P=1/3, gain 1/2; 0.1: P=2/4, gain 1/2.
        assertEquals(1.0 / 6 + 0.25, Metrics.averagePrecision(s, labels(1, 1, 0, 0)), EPS);
    }

    @Test
    void negativeZeroTiesWithZero() {
        float[] s = {-0.0f, 0.0f};
        assertEquals(0.5, Metrics.rocAuc(s, labels(1, 0)), EPS);
        assertEquals(0.5, Metrics.rocAuc(s, labels(0, 1)), EPS);
    }

    @Test
    void absentClass() {
        float[] s = {0.1f, 0.7f};
        assertTrue(Double.isNaN(Metrics.rocAuc(s, labels(0, 0))));
        assertTrue(Double.isNaN(Metrics.rocAuc(s, labels(1, 1))));
        assertTrue(Double.isNaN(Metrics.rocAuc(new float[0], new boolean[0])));
        assertTrue(Double.isNaN(Metrics.averagePrecision(s, labels(0, 0))));
        assertEquals(1.0, Metrics.averagePrecision(s, labels(1, 1)), EPS);
        assertNull(Metrics.rocCurve(s, labels(1, 1), 10));
    }

    @Test
    void rejectsBadInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.rocAuc(new float[] {0.1f, Float.NaN}, labels(0, 1)));
        assertEquals("score 1 is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.averagePrecision(new float[] {0.1f}, labels(0, 1)));
        assertEquals("scores and labels differ in length: 1 vs 2", e.getMessage());
    }

    @Test
    void matchesBruteForceOnRandomData() {
        Random r = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            int levels = 1 + r.nextInt(trial % 2 == 0 ? 5 : 1000); // few levels -> many ties
            double prevalence = r.nextDouble();
            float[] s = new float[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextDouble() < prevalence;
                s[i] = (r.nextInt(levels) + (y[i] ? r.nextInt(3) : 0)) / (float) levels;
            }
            assertEquals(bruteAuc(s, y), Metrics.rocAuc(s, y), 1e-9, "trial " + trial);
            assertEquals(bruteAp(s, y), Metrics.averagePrecision(s, y), 1e-9, "trial " + trial);
            RocCurve full = Metrics.rocCurve(s, y, Integer.MAX_VALUE);
            if (full != null) assertEquals(Metrics.rocAuc(s, y), trapezoid(full), 1e-6, "trial " + trial);
        }
    }

    @Test
    void curveIsThinnedMonotoneAndSpansTheSquare() {
        Random r = new Random(7);
        int n = 20_000;
        float[] s = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            s[i] = (float) (r.nextGaussian() + (y[i] ? 1.5 : 0));
        }
        RocCurve c = Metrics.rocCurve(s, y, 200);
        assertTrue(c.size() <= 200 && c.size() > 100, "size " + c.size());
        float[] fpr = c.fpr(), tpr = c.tpr();
        assertEquals(0f, fpr[0]);
        assertEquals(0f, tpr[0]);
        assertEquals(1f, fpr[c.size() - 1]);
        assertEquals(1f, tpr[c.size() - 1]);
        for (int i = 1; i < c.size(); i++) assertTrue(fpr[i] >= fpr[i - 1] && tpr[i] >= tpr[i - 1]);
        assertEquals(Metrics.rocAuc(s, y), trapezoid(c), 2e-3);
    }

    @Test
    void straightRunsCollapse() {
        // Perfect ranking: the curve is (0,0) -> (0,1) -> (1,1) however many rows there are.
        float[] s = {0.1f, 0.2f, 0.3f, 0.7f, 0.8f, 0.9f};
        RocCurve c = Metrics.rocCurve(s, labels(0, 0, 0, 1, 1, 1), 200);
        assertEquals(3, c.size());
        assertEquals(1f, c.tpr()[1]);
        assertEquals(0f, c.fpr()[1]);
    }

    /**
     * Scores need not be probabilities (a linear baseline's margins are not): negative ones rank by their value too.
     * Until the forty-eighth session's mutation testing no test had a negative score, and a sort key that left them
     * in reverse order passed.
     */
    @Test
    void negativeScoresRankByValue() {
        float[] s = {-3f, -2f, -1f, -0.5f};
        assertEquals(1.0, Metrics.rocAuc(s, labels(0, 0, 1, 1)), EPS);
        assertEquals(1.0, Metrics.averagePrecision(s, labels(0, 0, 1, 1)), EPS);
        assertEquals(0.75, Metrics.rocAuc(new float[] {-0.4f, -0.1f, -0.15f, 0.3f}, labels(0, 0, 1, 1)), EPS,
                "sklearn's example less 0.5: the same ranking");
    }

    /** The curve refuses what the metrics refuse, and keeps just its two ends when asked for two points. */
    @Test
    void curveChecksItsInputAndTakesTwoPoints() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.rocCurve(new float[] {0.1f, Float.NaN}, labels(0, 1), 10));
        assertThrows(IllegalArgumentException.class, () -> Metrics.rocCurve(new float[] {0.1f}, labels(0, 1), 10));
        assertThrows(IllegalArgumentException.class, () -> Metrics.rocCurve(new float[] {0.1f, 0.2f}, labels(0, 1), 1));
        RocCurve two = Metrics.rocCurve(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, labels(0, 0, 1, 1), 2);
        assertArrayEquals(new float[] {0, 1}, two.fpr());
        assertArrayEquals(new float[] {0, 1}, two.tpr());
    }

    /**
     * A straight run collapses after a corner too, up (a run of positives) or across (of negatives), and a diagonal one.
     * The only run tested before went up from (0,0), where a sign slip in the cross product showed nothing.
     */
    @Test
    void straightRunsAfterACornerCollapse() {
        // From the top score down: P, N, P, P, N, N, P: (0,0) (0,1) (1,1) (1,2) (1,3) (2,3) (3,3) (3,4) in counts.
        float[] s = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f};
        RocCurve c = Metrics.rocCurve(s, labels(1, 0, 1, 1, 0, 0, 1), 200);
        assertArrayEquals(new float[] {0, 0, 1 / 3f, 1 / 3f, 1, 1}, c.fpr(), 1e-6f);
        assertArrayEquals(new float[] {0, 0.25f, 0.25f, 0.75f, 0.75f, 1}, c.tpr(), 1e-6f);
        // and a diagonal one: two tied groups of one positive and one negative each, (0,0) (1,1) (2,2), is one segment
        RocCurve diagonal = Metrics.rocCurve(new float[] {0.9f, 0.9f, 0.8f, 0.8f}, labels(1, 0, 1, 0), 200);
        assertArrayEquals(new float[] {0, 1}, diagonal.fpr());
        assertArrayEquals(new float[] {0, 1}, diagonal.tpr());
    }

    /** Both classes occur: at least one positive and at least one negative. */
    @Test
    void bothClassesNeedsOneOfEach() {
        assertTrue(new AttributeMetrics(10, 1, 0.5, 0.5).bothClasses());
        assertTrue(new AttributeMetrics(10, 9, 0.5, 0.5).bothClasses());
        assertFalse(new AttributeMetrics(10, 0, Double.NaN, Double.NaN).bothClasses());
        assertFalse(new AttributeMetrics(10, 10, Double.NaN, 1).bothClasses());
    }

    private static double bruteAuc(float[] s, boolean[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            if (!y[i]) continue;
            for (int j = 0; j < s.length; j++) {
                if (y[j]) continue;
                pairs++;
                if (s[i] > s[j]) wins += 1;
                else if (s[i] == s[j]) wins += 0.5;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    /** AP as the mean over positives of the precision at that positive's score (ties included). */
    private static double bruteAp(float[] s, boolean[] y) {
        int positives = 0;
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (!y[i]) continue;
            positives++;
            int above = 0, posAbove = 0;
            for (int j = 0; j < s.length; j++) {
                if (s[j] >= s[i]) {
                    above++;
                    if (y[j]) posAbove++;
                }
            }
            sum += (double) posAbove / above;
        }
        return positives == 0 ? Double.NaN : sum / positives;
    }

    private static double trapezoid(RocCurve c) {
        float[] x = c.fpr(), y = c.tpr();
        double area = 0;
        for (int i = 1; i < x.length; i++) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        return area;
    }
}
