package org.parley.explain;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.parley.model.BlasThreads;

import java.util.Arrays;

/**
 * The span tagger's network ({@link SpanTaggerNetwork}) in Java, one comment at a time, each
 * convolution one OpenBLAS matrix product:
 * embedding rows next to the token features, two 'Same'-padded convolutions with ReLU, and a
 * per-token sigmoid reading the second convolution and the layer-0 inputs. Same arithmetic as
 * DL4J's graph given that comment alone (a test holds it to 1e-5), without what made DL4J cost
 * ~1.5 ms per explained comment: a few dozen native calls, workspaces, and a lock. Padding after
 * a comment (SpanTagger asks for it past the convolutions' reach) is computed only as far as it
 * reaches the comment's tokens (see forward).
 * Parameters are copied out of the graph when this is made: immutable, any number of threads can
 * share one, and a graph trained further needs a new one.
 */
final class TaggerForward {
    private final float[] embed; // [id * dim + k]
    private final int dim;
    private final int inputs; // dim + TokenFeatures.COUNT: the "tokens" merge, embedding first
    private final Conv conv1, conv2;
    private final float[] outW; // [conv2 filters, then the inputs], as the "both" merge lays them out
    private final float outB;

    /**
     * One 1D convolution: out[t][o] = relu(b[o] + sum over j, c of w[j][c][o] * in[t - left + j * dilation][c]),
     * computed as one matrix product: the kernel's input rows for each position side by side
     * (im2col) times the weights, by OpenBLAS (already loaded for ND4J). A Java loop over the same
     * sums ran at ~1–2 GMAC/s, since C2 does not vectorise it well, and was half of an explained comment's time.
     */
    private record Conv(FloatPointer w, float[] b, int nIn, int nOut, int kernel, int dilation, int left) {
        static Conv of(Layer layer) {
            Convolution1DLayer conf = (Convolution1DLayer) layer.conf().getLayer();
            if (conf.getConvolutionMode() != ConvolutionMode.Same || conf.getStride()[0] != 1)
                throw new IllegalArgumentException(conf.getLayerName() + ": only stride-1 'Same' convolutions are written out");
            // getParam("W") says [nOut, nIn, kernel, 1], but DL4J 1.0.0-M2.1's Conv1D reads the same
            // buffer as [kernel, nIn, nOut] (found by impulse responses; the tests hold it to DL4J):
            // a row-major [kernel * nIn, nOut] matrix, as the product wants it.
            INDArray w = layer.getParam("W");
            int nOut = (int) w.size(0), nIn = (int) w.size(1), kernel = conf.getKernelSize()[0];
            if (w.length() != (long) nOut * nIn * kernel)
                throw new IllegalArgumentException(conf.getLayerName() + ": unexpected weight shape " + java.util.Arrays.toString(w.shape()));
            int dilation = conf.getDilation()[0];
            // 'Same' pads (kernel - 1) * dilation in all, the smaller half on the left (even kernels).
            int left = (kernel - 1) * dilation / 2;
            // Off-heap once: read-only, shared by all threads; freed with this object.
            return new Conv(new FloatPointer(floats(w)), floats(layer.getParam("b")), nIn, nOut, kernel, dilation, left);
        }

        /** How many positions to the right an output reads. */
        int right() {
            return (kernel - 1) * dilation - left;
        }

        /** @param in [t * nIn + c] for n positions; positions outside read as zeros */
        float[] apply(float[] in, int n) {
            int k = kernel * nIn, size = n * k;
            float[] x = im2col(size);
            for (int t = 0; t < n; t++)
                for (int j = 0; j < kernel; j++) {
                    int s = t - left + j * dilation, at = t * k + j * nIn;
                    if (s >= 0 && s < n) System.arraycopy(in, s * nIn, x, at, nIn);
                    else Arrays.fill(x, at, at + nIn, 0f); // a reused buffer holds the last call's values
                }
            float[] out = new float[n * nOut];
            for (int t = 0; t < n; t++) System.arraycopy(b, 0, out, t * nOut, nOut);
            // OpenBLAS hands a product over MNK > 4 * 65536 to its thread pool, whose threads spin and
            // would fight the service's request threads for the cores: rows go in blocks under that,
            // unless OpenBLAS runs one thread (as the service sets it), when one product is faster.
            int rows = BlasThreads.rowsOnCallingThread(n, k, nOut);
            try (PointerScope scope = new PointerScope()) {
                FloatPointer xp = new FloatPointer((long) size).put(x, 0, size), op = new FloatPointer(out);
                for (int from = 0; from < n; from += rows) {
                    int m = Math.min(rows, n - from);
                    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                            openblas_nolapack.CblasNoTrans, m, nOut, k, 1f, xp.getPointer((long) from * k), k, w, nOut,
                            1f, op.getPointer((long) from * nOut), nOut);
                }
                op.get(out);
            }
            for (int i = 0; i < out.length; i++) if (out[i] < 0f) out[i] = 0f;
            return out;
        }
    }

    /** Floats of im2col matrix a thread keeps: with the shipped tagger, a window of about 190 tokens. */
    static final int KEPT_FLOATS = 1 << 16;
    /**
     * Each thread's im2col matrix, reused from call to call: made anew, it was the span tagger's
     * largest allocation. A larger one is made for its call alone, so that a thread keeps 256 kB at most.
     */
    private static final ThreadLocal<float[]> IM2COL = ThreadLocal.withInitial(() -> new float[KEPT_FLOATS]);

    /** A buffer of at least {@code size} floats, whose contents are the caller's to overwrite. */
    private static float[] im2col(int size) {
        return size <= KEPT_FLOATS ? IM2COL.get() : new float[size];
    }

    private TaggerForward(ComputationGraph network) {
        Layer e = network.getLayer(SpanTaggerNetwork.EMBED);
        if (e.paramTable().containsKey("b")) throw new IllegalArgumentException("the tagger's embedding has a bias");
        this.embed = floats(e.getParam("W"));
        this.dim = (int) e.getParam("W").size(1);
        this.inputs = dim + TokenFeatures.COUNT;
        this.conv1 = Conv.of(network.getLayer("conv1"));
        this.conv2 = Conv.of(network.getLayer("conv2"));
        if (conv1.nIn() != inputs || conv2.nIn() != conv1.nOut())
            throw new IllegalArgumentException("convolutions read " + conv1.nIn() + " and " + conv2.nIn() + " channels");
        Layer out = network.getLayer("out");
        this.outW = floats(out.getParam("W"));
        if (outW.length != conv2.nOut() + inputs) throw new IllegalArgumentException("output layer reads " + outW.length + " inputs");
        this.outB = out.getParam("b").getFloat(0);
    }

    /** Copies the parameters out of a tagger's graph. */
    static TaggerForward of(ComputationGraph network) {
        return new TaggerForward(network);
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /**
     * One comment's probabilities, as DL4J gives them when padding (id PAD, zero features, no
     * mask) follows the comment past the convolutions' reach. Only that reach is computed: longer
     * padding gives the same answer.
     *
     * @param ids      per token, its row of the embedding
     * @param features per token, its {@link TokenFeatures} ([t * COUNT + k])
     */
    float[] forward(int[] ids, float[] features) {
        int n = ids.length, f = TokenFeatures.COUNT;
        int len = n + conv1.right() + conv2.right();
        float[] in = new float[len * inputs];
        for (int t = 0; t < len; t++) System.arraycopy(embed, (t < n ? ids[t] : SpanTagger.PAD) * dim, in, t * inputs, dim);
        for (int t = 0; t < n; t++) System.arraycopy(features, t * f, in, t * inputs + dim, f);
        float[] h = conv2.apply(conv1.apply(in, len), len);
        int filters = conv2.nOut();
        float[] p = new float[n];
        for (int t = 0; t < n; t++) {
            float z = outB + dot(h, t * filters, outW, 0, filters) + dot(in, t * inputs, outW, filters, inputs);
            p[t] = (float) (1 / (1 + Math.exp(-z)));
        }
        return p;
    }

    private static float dot(float[] a, int aBase, float[] b, int bBase, int n) {
        float s = 0f;
        for (int j = 0; j < n; j++) s += a[aBase + j] * b[bBase + j];
        return s;
    }
}
