package org.parley.model;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;

import java.util.List;

/**
 * The served network's deep part in plain Java, one text at a time (or, for occlusion's
 * variants, with the hidden layer as one OpenBLAS product over many): embedding lookup, masked
 * mean and max pooling, the dense ReLU layer, the logits layer, the wide logits added, sigmoid.
 * Same arithmetic as the DL4J graph (a test holds it to 1e-5), without what made DL4J slow
 * here: padding to the batch's longest text, the pooling's mask broadcasts and a few dozen
 * native calls per batch. Immutable but for the off-heap copy made on first use, so any number
 * of threads can share one.
 */
final class DeepPart {
    private final float[] embed; // [id * dim + k]
    private final float[] embedBias; // null when the layer has none
    private final int dim;
    private final float[] hiddenW; // [input * hidden + j]
    private final float[][] hiddenRows; // [input][j]: the same weights, an array per input (see hiddenLayer)
    private final Supplier<FloatPointer> hiddenWNative; // the same, for OpenBLAS, copied on first use
    private final int batchRows;
    private final float[] hiddenB;
    private final int hidden;
    private final float[] logitsW; // [j * attributes + a]
    private final float[] logitsB;

    private DeepPart(ServingWeights w) {
        this.embed = w.embed();
        this.dim = w.dim();
        this.embedBias = w.embedBias();
        this.hidden = w.hidden();
        if (w.hiddenW().length != (2 * dim + Attribute.COUNT) * hidden)
            throw new IllegalArgumentException("hidden layer reads " + w.hiddenW().length / hidden + " inputs, expected " + (2 * dim + Attribute.COUNT));
        this.hiddenW = w.hiddenW();
        this.hiddenB = w.hiddenB();
        this.hiddenRows = new float[2 * dim + Attribute.COUNT][];
        for (int i = 0; i < hiddenRows.length; i++) hiddenRows[i] = java.util.Arrays.copyOfRange(hiddenW, i * hidden, (i + 1) * hidden);
        // Off-heap once, read-only, shared by all threads, and only when needed: only occlusion's
        // batches use it, and loading OpenBLAS costs a plain scorer's start.
        this.hiddenWNative = Suppliers.memoize(() -> new FloatPointer(hiddenW));
        // Small enough for OpenBLAS to keep on the calling thread whatever its thread count, and
        // chunks of variants spread over the cores (BlasThreads).
        this.batchRows = BlasThreads.rowsUnderThreshold(2 * dim + Attribute.COUNT, hidden);
        this.logitsW = w.logitsW();
        this.logitsB = w.logitsB();
    }

    /** The deep part of these weights. */
    static DeepPart of(ServingWeights weights) {
        return new DeepPart(weights);
    }

    /** Copies the deep part's parameters out of a served graph. */
    static DeepPart of(ComputationGraph served) {
        return new DeepPart(ServingWeights.of(served));
    }

    /** Sigmoid outputs, uncalibrated, for one text's deep ids and its wide logits. */
    float[] forward(int[] ids, float[] wideLogits) {
        float[] in = new float[2 * dim + Attribute.COUNT];
        pool(ids, wideLogits, in, 0);
        return output(hiddenLayer(in), 0, wideLogits);
    }

    /**
     * The hidden layer's pre-activations, hiddenB + in · hiddenW, as one axpy per input: each
     * output adds its inputs in input order, as before (the same floats). With the weights of an
     * input in an array of their own, C2 vectorises the axpy (JDK 17 does not when it reads the
     * flat array at an offset): 2.2 µs a text against 8–11 µs for eight sums at a time in locals
     * or for the flat axpy (a throwaway loop over random 134 × 256 weights). scripts/score has C2
     * compile this method (scripts/lib/c2-kernels.json); with C1 alone the axpy costs about twice
     * the locals' 13 µs.
     */
    private float[] hiddenLayer(float[] in) {
        float[] h = hiddenB.clone();
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            if (x == 0f) continue;
            float[] row = hiddenRows[i];
            for (int j = 0; j < row.length; j++) h[j] += x * row[j];
        }
        return h;
    }

    /**
     * As {@link #forward(int[], float[])} for many texts, the hidden layer as one OpenBLAS product
     * over all of them. Worth it for the dozens of occlusion variants of an explained comment: the
     * Java loop ran at 1–2 GMAC/s when C2 did not vectorise it, the product ~10× faster (the axpy
     * per row of {@link #hiddenLayer}, which C2 vectorises, has not been measured against it); for
     * one text the native call costs more than it saves (docs/experiments.md, batch scoring speed).
     * At most {@link #batchRows()} texts, so that OpenBLAS runs the product on the calling thread.
     */
    float[][] forward(List<int[]> ids, List<float[]> wideLogits) {
        int m = ids.size(), k = 2 * dim + Attribute.COUNT;
        if (m > batchRows) throw new IllegalArgumentException(m + " texts in one product, at most " + batchRows);
        float[] x = new float[m * k];
        float[] h = new float[m * hidden];
        for (int r = 0; r < m; r++) {
            pool(ids.get(r), wideLogits.get(r), x, r * k);
            System.arraycopy(hiddenB, 0, h, r * hidden, hidden);
        }
        FloatPointer w = hiddenWNative.get(); // before the scope, which would free a pointer made inside it
        try (PointerScope scope = new PointerScope()) {
            FloatPointer xp = new FloatPointer(x), hp = new FloatPointer(h);
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans, m, hidden, k, 1f, xp, k, w, hidden, 1f, hp, hidden);
            hp.get(h);
        }
        float[][] out = new float[m][];
        for (int r = 0; r < m; r++) out[r] = output(h, r * hidden, wideLogits.get(r));
        return out;
    }

    /** Most texts {@link #forward(List, List)} takes in one call. */
    int batchRows() {
        return batchRows;
    }

    /** Sigmoid outputs from the hidden layer's pre-activations h[at, at + hidden) (ReLU applied here). */
    private float[] output(float[] h, int at, float[] wideLogits) {
        float[] out = new float[Attribute.COUNT];
        for (int a = 0; a < Attribute.COUNT; a++) out[a] = logitsB[a] + wideLogits[a];
        for (int j = 0; j < hidden; j++) if (h[at + j] > 0f) axpy(h[at + j], logitsW, j * Attribute.COUNT, out, Attribute.COUNT);
        for (int a = 0; a < Attribute.COUNT; a++) out[a] = (float) (1 / (1 + Math.exp(-out[a])));
        return out;
    }

    /** Writes the hidden layer's input into in[at, at + 2 * dim + attributes): [mean, max, wide logits], as DL4J's MergeVertex lays it out. */
    private void pool(int[] ids, float[] wideLogits, float[] in, int at) {
        int n = ids.length;
        if (n == 0) { // Batch.padded gives an empty text one unknown word, so do the same
            ids = new int[] {Vocabulary.UNKNOWN};
            n = 1;
        }
        if (touch(ids) == Float.MIN_VALUE) in[at] += 0f; // keeps the JIT from dropping touch()
        // Four dimensions at a time over all the rows, sums and maxima in local variables: the
        // same floats as one row at a time into arrays, about a third faster with C1 alone and
        // level with C2, which scripts/score now has compile it (a throwaway loop over 5,000 texts).
        int k = 0;
        for (; k + 4 <= dim; k += 4) {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            float m0 = Float.NEGATIVE_INFINITY, m1 = m0, m2 = m0, m3 = m0;
            for (int id : ids) {
                int row = id * dim + k;
                float v0 = embed[row], v1 = embed[row + 1], v2 = embed[row + 2], v3 = embed[row + 3];
                s0 += v0;
                s1 += v1;
                s2 += v2;
                s3 += v3;
                if (v0 > m0) m0 = v0;
                if (v1 > m1) m1 = v1;
                if (v2 > m2) m2 = v2;
                if (v3 > m3) m3 = v3;
            }
            pooled(in, at, k, n, s0, m0);
            pooled(in, at, k + 1, n, s1, m1);
            pooled(in, at, k + 2, n, s2, m2);
            pooled(in, at, k + 3, n, s3, m3);
        }
        for (; k < dim; k++) {
            float sum = 0f, max = Float.NEGATIVE_INFINITY;
            for (int id : ids) {
                float v = embed[id * dim + k];
                sum += v;
                if (v > max) max = v;
            }
            pooled(in, at, k, n, sum, max);
        }
        System.arraycopy(wideLogits, 0, in, at + 2 * dim, Attribute.COUNT);
    }

    /** Dimension k's mean and max, with the embedding's bias where it has one (DL4J adds it to every row). */
    private void pooled(float[] in, int at, int k, int n, float sum, float max) {
        if (embedBias != null) {
            sum += n * embedBias[k];
            max += embedBias[k];
        }
        in[at + k] = sum / n;
        in[at + dim + k] = max;
    }

    /**
     * Reads one float per cache line of every row first. The table is far larger than the caches,
     * and these independent loads overlap their misses, where the pooling loops wait for each row
     * in turn: about a third less time in the deep part on the shipped model.
     */
    private float touch(int[] ids) {
        float t = 0f;
        for (int id : ids) for (int k = 0; k < dim; k += 16) t += embed[id * dim + k];
        return t;
    }

    /** y += x * w[base, base + n). */
    private static void axpy(float x, float[] w, int base, float[] y, int n) {
        for (int j = 0; j < n; j++) y[j] += x * w[base + j];
    }
}
