package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    /** The share of 1s among rows, weighted: a mean whose spread is known. */
    static double[] share(int[] values, int[] weights) {
        double ones = 0, all = 0;
        for (int i = 0; i < values.length; i++) {
            ones += values[i] * weights[i];
            all += weights[i];
        }
        return new double[] {ones / all, all == 0 ? Double.NaN : all};
    }

    @Test
    void theIntervalOfAProportionIsAboutTwoStandardErrorsWide() {
        int[] values = new int[400];
        for (int i = 0; i < 100; i++) values[i * 4] = 1; // p = 0.25, standard error sqrt(p(1-p)/n) = 0.0217
        var i = Bootstrap.intervals(values.length, 2000, 5, w -> share(values, w))[0];
        assertEquals(0.25, i.value(), 1e-12);
        assertEquals(0.25 - 1.96 * 0.0217, i.low(), 0.01);
        assertEquals(0.25 + 1.96 * 0.0217, i.high(), 0.01);
    }

    @Test
    void everyDrawDrawsAsManyRowsAsThereAreAndTheSeedFixesThem() {
        int[] values = {1, 0, 0, 1, 1, 0, 1};
        var first = Bootstrap.intervals(values.length, 50, 9, w -> {
            assertEquals(values.length, Arrays.stream(w).sum());
            return share(values, w);
        });
        assertEquals(new Bootstrap.Interval(7, 7, 7), first[1]);
        assertArrayEquals(first, Bootstrap.intervals(values.length, 50, 9, w -> share(values, w)));
        assertTrue(first[0].low() < first[0].value() && first[0].value() < first[0].high());
    }

    /**
     * 40 threads of 10 replies that agree within a thread: 400 rows, but 40 independent samples. Drawn by thread the
     * interval is that of a proportion of 40 (standard error 0.0685), not of 400 (0.0217), and a thread's rows weigh alike.
     */
    @Test
    void clustersAreDrawnWhole() {
        int[] values = new int[400], threads = new int[400];
        for (int i = 0; i < 400; i++) {
            threads[i] = 1000 + 7 * (i / 10);  // any ints name the clusters
            values[i] = (i / 10) % 4 == 0 ? 1 : 0;  // 10 of the 40 threads are all 1s: p = 0.25
        }
        var i = Bootstrap.clustered(threads, 2000, 5, w -> {
            for (int r = 0; r < 400; r++) assertEquals(w[r - r % 10], w[r], "a thread's rows are drawn together");
            assertEquals(400, Arrays.stream(w).sum(), "as many threads as there are, of 10 rows each");
            return share(values, w);
        })[0];
        assertEquals(0.25, i.value(), 1e-12);
        assertEquals(0.25 - 1.96 * 0.0685, i.low(), 0.03);
        assertEquals(0.25 + 1.96 * 0.0685, i.high(), 0.03);
        var rows = Bootstrap.intervals(values.length, 2000, 5, w -> share(values, w))[0];
        assertTrue(i.high() - i.low() > 2.5 * (rows.high() - rows.low()), i + " against rows drawn one by one: " + rows);
    }

    @Test
    void everyRowItsOwnClusterDrawsAsRowsDo() {
        int[] values = {1, 0, 0, 1, 1, 0, 1}, own = {40, 3, 17, 8, 99, -5, 0};
        assertArrayEquals(Bootstrap.intervals(values.length, 100, 9, w -> share(values, w)),
                Bootstrap.clustered(own, 100, 9, w -> share(values, w)));
    }

    @Test
    void aFigureMissingFromSomeDrawsIsTakenFromTheOthersAndOneMissingOnAllRowsHasNone() {
        int[] values = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        // The share of 1s among rows, NaN when no 1 was drawn (as a ROC-AUC without positives).
        var i = Bootstrap.intervals(values.length, 200, 3, w -> new double[] {w[0] == 0 ? Double.NaN : w[0] / 10.0, Double.NaN});
        assertEquals(0.1, i[0].value(), 1e-12);
        assertTrue(i[0].low() >= 0.1, "draws without the row are left out: " + i[0]);
        assertTrue(i[0].high() >= i[0].low(), "of both bounds: " + i[0]);
        assertTrue(Double.isNaN(i[1].value()) && Double.isNaN(i[1].low()) && Double.isNaN(i[1].high()));
    }

    /** A figure defined on all rows but on no draw: the value, and no interval. */
    @Test
    void aFigureMissingFromEveryDrawHasNoInterval() {
        var i = Bootstrap.intervals(20, 50, 3, w -> new double[] {Arrays.stream(w).allMatch(x -> x == 1) ? 0.5 : Double.NaN})[0];
        assertEquals(0.5, i.value());
        assertTrue(Double.isNaN(i.low()) && Double.isNaN(i.high()), i.toString());
    }

    @Test
    void percentileInterpolatesBetweenRanks() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1, Bootstrap.percentile(sorted, 0), 1e-12);
        assertEquals(3, Bootstrap.percentile(sorted, 0.5), 1e-12);
        assertEquals(4.5, Bootstrap.percentile(sorted, 0.875), 1e-12);
        assertEquals(5, Bootstrap.percentile(sorted, 1), 1e-12);
    }

    @Test
    void needsAtLeastOneDraw() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.intervals(3, 0, 1, w -> new double[] {0}));
        assertEquals(new Bootstrap.Interval(3, 3, 3), Bootstrap.intervals(3, 1, 1, w -> new double[] {Arrays.stream(w).sum()})[0],
                "one draw is enough");
    }
}
