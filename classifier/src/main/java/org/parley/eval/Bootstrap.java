package org.parley.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The percentile bootstrap (Efron & Tibshirani, 1993): how far a figure measured on a few hundred
 * dev rows could move on another sample of the same kind. The rows are drawn with replacement,
 * the figures are computed on each draw, and the 2.5th and 97.5th percentiles of the draws bound a
 * 95% interval. A draw is a weight per row (how often it was drawn), so a statistic never copies
 * rows. The draws depend only on the seed and the number of rows: two statistics of the same rows
 * and seed see the same draws, which is what a paired comparison needs.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final long DEFAULT_SEED = 2026;

    /** A figure on all rows and its 95% interval; NaN where there is no figure. */
    public record Interval(double value, double low, double high) {
        /** True when the interval lies wholly above or wholly below zero (for a difference). */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    private Bootstrap() {}

    /**
     * @param statistics the figures of one draw, given each row's weight; draw 0 (all weights 1)
     *                   gives the values reported, draws 1..resamples the interval. A NaN figure in a
     *                   draw (a class missing from it) is left out of that figure's percentiles.
     */
    public static Interval[] intervals(int rows, int resamples, long seed, Function<int[], double[]> statistics) {
        int[] each = new int[rows];
        Arrays.setAll(each, i -> i);
        return clustered(each, resamples, seed, statistics);
    }

    /**
     * The cluster bootstrap: rows that are not independent (the replies of one thread, the targets read against one
     * text) are drawn together. A draw takes as many clusters as there are, with replacement, and each row weighs as
     * often as its cluster was drawn; drawn row by row, a dev set of 720 replies in 35 threads looked like 720
     * independent samples, and its intervals were too narrow. With every row its own cluster this is
     * {@link #intervals(int, int, long, Function)}, draw for draw.
     *
     * @param clusters each row's cluster, any ints (rows with equal ones are drawn together)
     */
    public static Interval[] clustered(int[] clusters, int resamples, long seed, Function<int[], double[]> statistics) {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        int rows = clusters.length;
        int[] cluster = new int[rows];  // renumbered 0..k-1 in order of first appearance
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < rows; i++) cluster[i] = index.computeIfAbsent(clusters[i], c -> index.size());
        int k = index.size();
        int[] weights = new int[rows];
        Arrays.fill(weights, 1);
        double[] point = statistics.apply(weights);
        double[][] draws = new double[point.length][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int[] drawn = new int[k];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(drawn, 0);
            for (int c = 0; c < k; c++) drawn[random.nextInt(k)]++;
            for (int i = 0; i < rows; i++) weights[i] = drawn[cluster[i]];
            double[] values = statistics.apply(weights);
            for (int j = 0; j < point.length; j++) draws[j][r] = values[j];
        }
        Interval[] out = new Interval[point.length];
        for (int j = 0; j < point.length; j++) out[j] = interval(point[j], draws[j]);
        return out;
    }

    private static Interval interval(double point, double[] draws) {
        if (Double.isNaN(point)) return new Interval(Double.NaN, Double.NaN, Double.NaN);
        double[] defined = Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (defined.length == 0) return new Interval(point, Double.NaN, Double.NaN);
        return new Interval(point, percentile(defined, 0.025), percentile(defined, 0.975));
    }

    /** Linear interpolation between the closest ranks (numpy's default) of sorted values. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
