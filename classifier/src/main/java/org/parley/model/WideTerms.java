package org.parley.model;

import org.parley.feature.NgramTfIdf;
import org.parley.feature.TokenRemoval;
import org.parley.label.Attribute;

/**
 * One text's wide part kept before normalising: per block of {@link NgramTfIdf} (words,
 * characters) the sum of tf·idf·weight, the squared norm and the number of distinct n-grams. A
 * variant that changes a few n-grams ({@link TokenRemoval}) then costs those n-grams, where a new
 * TF-IDF row and dot product cost the whole text, which was most of an occlusion variant's time.
 * Same arithmetic as {@link NgramTfIdf#transform} and the sparse dot product, summed in another
 * order (and in double), so logits agree to float rounding. Immutable.
 */
final class WideTerms {
    private static final int A = Attribute.COUNT;

    private final NgramTfIdf tfIdf;
    private final float[] wide; // [wide id * attributes + attribute]
    private final int bias;
    private final int[] bucket; // distinct n-gram buckets, ascending
    private final int[] count; // occurrences of each
    private final Sums sums;

    WideTerms(NgramTfIdf tfIdf, float[] wide, int bias, String text) {
        this.tfIdf = tfIdf;
        this.wide = wide;
        this.bias = bias;
        int[] occurrences = tfIdf.occurrences(text);
        int distinct = 0;
        for (int k = 0; k < occurrences.length; k++) if (k == 0 || occurrences[k] != occurrences[k - 1]) distinct++;
        bucket = new int[distinct];
        count = new int[distinct];
        for (int k = 0, j = -1; k < occurrences.length; k++) {
            if (k == 0 || occurrences[k] != occurrences[k - 1]) bucket[++j] = occurrences[k];
            count[j]++;
        }
        sums = new Sums();
        for (int j = 0; j < distinct; j++) move(sums, bucket[j], 0, count[j]);
    }

    /** The wide logits of the text itself. */
    float[] logits() {
        return sums.logits();
    }

    /** The wide logits of the text after the change. */
    float[] logits(TokenRemoval.Change change) {
        Sums s = sums.copy();
        int[] out = change.removed(), in = change.added();
        int i = 0, j = 0;
        while (i < out.length || j < in.length) { // merge: net change per bucket
            int b = Math.min(i < out.length ? out[i] : Integer.MAX_VALUE, j < in.length ? in[j] : Integer.MAX_VALUE);
            int delta = 0;
            for (; i < out.length && out[i] == b; i++) delta--;
            for (; j < in.length && in[j] == b; j++) delta++;
            if (delta == 0) continue;
            int k = java.util.Arrays.binarySearch(bucket, b), before = k >= 0 ? count[k] : 0;
            if (before + delta < 0) throw new IllegalStateException("n-gram " + b + " removed more often than it occurs");
            move(s, b, before, before + delta);
        }
        return s.logits();
    }

    /** One bucket's count goes from {@code from} to {@code to}. */
    private void move(Sums s, int b, int from, int to) {
        int block = tfIdf.isWord(b) ? 0 : 1;
        float idf = tfIdf.idf(b);
        double u0 = NgramTfIdf.sublinear(from) * idf, u1 = NgramTfIdf.sublinear(to) * idf; // float products, as transform
        s.norm[block] += u1 * u1 - u0 * u0;
        s.distinct[block] += Integer.signum(to) - Integer.signum(from);
        for (int a = 0; a < A; a++) s.sum[block * A + a] += (u1 - u0) * wide[b * A + a];
    }

    private final class Sums {
        final double[] sum = new double[2 * A]; // [block * A + a]
        final double[] norm = new double[2];
        final int[] distinct = new int[2];

        Sums copy() {
            Sums c = new Sums();
            System.arraycopy(sum, 0, c.sum, 0, sum.length);
            System.arraycopy(norm, 0, c.norm, 0, 2);
            System.arraycopy(distinct, 0, c.distinct, 0, 2);
            return c;
        }

        /** Each non-empty block scaled to norm 1/√blocks, as transform does, plus the intercept. */
        float[] logits() {
            int blocks = (distinct[0] > 0 ? 1 : 0) + (distinct[1] > 0 ? 1 : 0);
            float[] out = new float[A];
            for (int a = 0; a < A; a++) {
                double v = wide[bias * A + a];
                for (int block = 0; block < 2; block++)
                    if (distinct[block] > 0) v += sum[block * A + a] / Math.sqrt(norm[block] * blocks);
                out[a] = (float) v;
            }
            return out;
        }
    }
}
