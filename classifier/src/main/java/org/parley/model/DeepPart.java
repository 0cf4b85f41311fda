package org.parley.model;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;

import java.util.List;

/**
 * The served network's deep part in plain Java, one text at a time (or, for occlusion's
 * variants, with the hidden layer as one OpenBLAS product over many): embedding lookup, masked
 * mean and max pooling, the dense ReLU layer, the logits layer, the wide logits added, sigmoid.
 * Same arithmetic as the DL4J graph (a test holds it to 1e-5), without what made DL4J slow
 * here: padding to the batch's longest text, the pooling's mask broadcasts and a few dozen
 * native calls per batch. Immutable, so any number of threads can share one.
 */
final class DeepPart {
    private final float[] embed; // [id * dim + k]
    private final float[] embedBias; // null when the layer has none
    private final int dim;
    private final float[] hiddenW; // [input * hidden + j]
    private final FloatPointer hiddenWNative; // the same, for OpenBLAS
    private final int batchRows;
    private final float[] hiddenB;
    private final int hidden;
    private final float[] logitsW; // [j * attributes + a]
    private final float[] logitsB;

    private DeepPart(ComputationGraph served) {
        Layer e = served.getLayer("embed");
        this.embed = floats(e.getParam("W"));
        this.dim = (int) e.getParam("W").size(1);
        this.embedBias = e.paramTable().containsKey("b") ? floats(e.getParam("b")) : null;
        Layer h = served.getLayer("hidden");
        this.hidden = (int) h.getParam("W").size(1);
        if (h.getParam("W").size(0) != 2L * dim + Attribute.COUNT)
            throw new IllegalArgumentException("hidden layer reads " + h.getParam("W").size(0) + " inputs, expected " + (2 * dim + Attribute.COUNT));
        this.hiddenW = floats(h.getParam("W"));
        this.hiddenWNative = new FloatPointer(hiddenW); // off-heap once, read-only, shared by all threads
        this.hiddenB = floats(h.getParam("b"));
        // Small enough for OpenBLAS to keep on the calling thread whatever its thread count, and
        // chunks of variants spread over the cores (BlasThreads).
        this.batchRows = BlasThreads.rowsUnderThreshold(2 * dim + Attribute.COUNT, hidden);
        Layer l = served.getLayer(ToxicityNetwork.LOGITS);
        this.logitsW = floats(l.getParam("W"));
        this.logitsB = floats(l.getParam("b"));
    }

    /** Copies the deep part's parameters out of a served (or deep-only) graph. */
    static DeepPart of(ComputationGraph served) {
        return new DeepPart(served);
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** Sigmoid outputs, uncalibrated, for one text's deep ids and its wide logits. */
    float[] forward(int[] ids, float[] wideLogits) {
        float[] in = new float[2 * dim + Attribute.COUNT];
        pool(ids, wideLogits, in, 0);
        float[] h = hiddenB.clone();
        for (int i = 0; i < in.length; i++) if (in[i] != 0f) axpy(in[i], hiddenW, i * hidden, h, hidden);
        return output(h, 0, wideLogits);
    }

    /**
     * As {@link #forward(int[], float[])} for many texts, the hidden layer as one OpenBLAS product
     * over all of them. Worth it for the dozens of occlusion variants of an explained comment: the
     * Java loop runs at 1–2 GMAC/s where C2 does not vectorise it, the product ~10× faster; for one
     * text the native call costs more than it saves (docs/experiments.md, batch scoring speed).
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
        try (PointerScope scope = new PointerScope()) {
            FloatPointer xp = new FloatPointer(x), hp = new FloatPointer(h);
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans, m, hidden, k, 1f, xp, k, hiddenWNative, hidden, 1f, hp, hidden);
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
        // Sum and max in their own arrays, one row at a time: simple loops the JIT compiles well.
        float[] sum = new float[dim], max = new float[dim];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        if (touch(ids) == Float.MIN_VALUE) sum[0] += 0f; // keeps the JIT from dropping touch()
        for (int id : ids) {
            add(embed, id * dim, sum, dim);
            max(embed, id * dim, max, dim);
        }
        if (embedBias != null) for (int k = 0; k < dim; k++) {
            sum[k] += n * embedBias[k];
            max[k] += embedBias[k];
        }
        for (int k = 0; k < dim; k++) in[at + k] = sum[k] / n;
        System.arraycopy(max, 0, in, at + dim, dim);
        System.arraycopy(wideLogits, 0, in, at + 2 * dim, Attribute.COUNT);
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

    private static void add(float[] embed, int base, float[] sum, int dim) {
        for (int k = 0; k < dim; k++) sum[k] += embed[base + k];
    }

    private static void max(float[] embed, int base, float[] max, int dim) {
        for (int k = 0; k < dim; k++) {
            float v = embed[base + k];
            if (v > max[k]) max[k] = v;
        }
    }

    /** y += x * w[base, base + n). */
    private static void axpy(float x, float[] w, int base, float[] y, int n) {
        for (int j = 0; j < n; j++) y[j] += x * w[base + j];
    }
}
