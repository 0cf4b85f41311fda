package org.parley.eval;

import java.util.Arrays;

/**
 * Rank metrics for one binary attribute: {@code scores[i]} is the model's score for row i and
 * {@code positives[i]} its label. Scores must not be NaN (a model with no opinion is handled by
 * {@link Evaluation}, not here).
 *
 * <p>Both metrics are exact and treat tied scores as one threshold, so a model cannot gain by
 * the order in which tied rows happen to be listed.
 */
public final class Metrics {
    private Metrics() {}

    /**
     * ROC-AUC as the Mann–Whitney statistic: the probability that a random positive scores above a
     * random negative, ties counting one half. NaN when either class is absent.
     */
    public static double rocAuc(float[] scores, boolean[] positives) {
        check(scores, positives);
        int[] order = ascending(scores);
        long pos = 0;
        double positiveRankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = groupEnd(scores, order, start);
            double midRank = (start + 1 + end) / 2.0; // ranks are 1-based: start+1 .. end
            for (int k = start; k < end; k++) {
                if (positives[order[k]]) {
                    pos++;
                    positiveRankSum += midRank;
                }
            }
            start = end;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (positiveRankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * Average precision as scikit-learn defines it: the sum over distinct score thresholds, from the
     * highest down, of (recall gain) × (precision at that threshold). No interpolation. NaN when
     * there are no positives; 1 when there are no negatives.
     */
    public static double averagePrecision(float[] scores, boolean[] positives) {
        check(scores, positives);
        int[] order = ascending(scores);
        long total = 0;
        for (boolean p : positives) if (p) total++;
        if (total == 0) return Double.NaN;
        long tp = 0, seen = 0;
        double ap = 0;
        for (int end = order.length; end > 0; ) {
            int start = groupStart(scores, order, end);
            long tpBefore = tp;
            for (int k = start; k < end; k++) if (positives[order[k]]) tp++;
            seen += end - start;
            if (tp > tpBefore) ap += (double) (tp - tpBefore) / total * ((double) tp / seen);
            end = start;
        }
        return ap;
    }

    /**
     * The ROC curve, one point per distinct threshold from (0,0) to (1,1), with points that lie on
     * a straight segment dropped and the rest thinned to at most {@code maxPoints} (≥ 2).
     * Null when either class is absent.
     */
    public static RocCurve rocCurve(float[] scores, boolean[] positives, int maxPoints) {
        check(scores, positives);
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints must be at least 2, was " + maxPoints);
        int[] order = ascending(scores);
        long[] fp = new long[order.length + 1], tp = new long[order.length + 1];
        int m = 1; // point 0 is (0,0)
        for (int end = order.length; end > 0; m++) {
            int start = groupStart(scores, order, end);
            fp[m] = fp[m - 1];
            tp[m] = tp[m - 1];
            for (int k = start; k < end; k++) {
                if (positives[order[k]]) tp[m]++;
                else fp[m]++;
            }
            end = start;
        }
        long pos = tp[m - 1], neg = fp[m - 1];
        if (pos == 0 || neg == 0) return null;
        int[] kept = thin(dropCollinear(fp, tp, m), maxPoints);
        float[] fpr = new float[kept.length], tpr = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            fpr[i] = (float) ((double) fp[kept[i]] / neg);
            tpr[i] = (float) ((double) tp[kept[i]] / pos);
        }
        return new RocCurve(fpr, tpr);
    }

    /** Indices of the points that are not in the middle of a straight run (exact, on counts). */
    private static int[] dropCollinear(long[] fp, long[] tp, int m) {
        int[] kept = new int[m];
        int k = 0;
        kept[k++] = 0;
        for (int i = 1; i < m - 1; i++) {
            int a = kept[k - 1];
            long cross = (fp[i] - fp[a]) * (tp[i + 1] - tp[a]) - (tp[i] - tp[a]) * (fp[i + 1] - fp[a]);
            if (cross != 0) kept[k++] = i;
        }
        if (m > 1) kept[k++] = m - 1;
        return Arrays.copyOf(kept, k);
    }

    /** Evenly spaced picks that always keep the first and last point. */
    private static int[] thin(int[] points, int max) {
        if (points.length <= max) return points;
        int[] out = new int[max];
        for (int i = 0; i < max; i++) out[i] = points[(int) Math.round((double) i * (points.length - 1) / (max - 1))];
        return out;
    }

    private static void check(float[] scores, boolean[] positives) {
        if (scores.length != positives.length) {
            throw new IllegalArgumentException(
                    "scores and labels differ in length: " + scores.length + " vs " + positives.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) throw new IllegalArgumentException("score " + i + " is NaN");
        }
    }

    /** Row indices sorted by score, ascending; ties keep index order (irrelevant to the metrics). */
    static int[] ascending(float[] scores) {
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) keys[i] = ((long) sortable(scores[i]) << 32) | i;
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) order[i] = (int) keys[i];
        return order;
    }

    /** An int whose signed order is the float's numeric order; -0 and +0 map to the same value. */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    static int groupEnd(float[] scores, int[] order, int start) {
        int end = start + 1;
        while (end < order.length && scores[order[end]] == scores[order[start]]) end++;
        return end;
    }

    private static int groupStart(float[] scores, int[] order, int end) {
        int start = end - 1;
        while (start > 0 && scores[order[start - 1]] == scores[order[end - 1]]) start--;
        return start;
    }
}
