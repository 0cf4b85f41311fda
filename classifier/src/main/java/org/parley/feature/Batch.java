package org.parley.feature;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.function.Function;

/**
 * The network's inputs for a batch of texts: each id sequence padded to the longest in the batch,
 * with the mask that tells the pooling layers which positions are real. A text with no ids gets
 * one position holding id 1 (the unknown word), so pooling never averages over nothing.
 */
public final class Batch {
    private Batch() {}

    /** Inputs {deep ids, wide ids, wide weights} and their masks, in the order the network declares them. */
    public record Inputs(INDArray[] features, INDArray[] masks) {}

    /**
     * @param outputs how many outputs the wide part has: each wide weight is repeated once per output,
     *                since DL4J multiplies element-wise without broadcasting
     */
    public static Inputs of(List<TextFeatures> texts, int outputs) {
        INDArray[] deep = padded(texts, TextFeatures::deep);
        INDArray[] wide = padded(texts, TextFeatures::wide);
        INDArray weights = weights(texts, (int) wide[0].size(1), outputs);
        return new Inputs(new INDArray[] {deep[0], wide[0], weights}, new INDArray[] {deep[1], wide[1], wide[1]});
    }

    /** [n, outputs, maxLen]: the TF-IDF value of each wide id, 0 at padding (so padding adds nothing). */
    static INDArray weights(List<TextFeatures> texts, int maxLen, int outputs) {
        int n = texts.size();
        float[] w = new float[n * outputs * maxLen];
        for (int i = 0; i < n; i++) {
            float[] v = texts.get(i).wideWeights();
            for (int o = 0; o < outputs; o++) System.arraycopy(v, 0, w, (i * outputs + o) * maxLen, v.length);
        }
        return Nd4j.create(w, new long[] {n, outputs, maxLen}, DataType.FLOAT);
    }

    /** Inputs {deep ids, wide logits} of the deep-only training network, and their masks (none for the logits). */
    public static Inputs deepOnly(List<int[]> deep, float[][] wideLogits) {
        INDArray[] ids = padded(deep, d -> d);
        return new Inputs(new INDArray[] {ids[0], Nd4j.create(wideLogits)}, new INDArray[] {ids[1], null});
    }

    /** [0] = ids as float (what EmbeddingSequenceLayer takes), [1] = mask; both [n, maxLen]. */
    static <T> INDArray[] padded(List<T> texts, Function<T, int[]> part) {
        int n = texts.size();
        int maxLen = 1;
        for (T t : texts) maxLen = Math.max(maxLen, part.apply(t).length);
        float[] ids = new float[n * maxLen];
        float[] mask = new float[n * maxLen];
        for (int i = 0; i < n; i++) {
            int[] s = part.apply(texts.get(i));
            int base = i * maxLen;
            if (s.length == 0) {
                ids[base] = Vocabulary.UNKNOWN;
                mask[base] = 1f;
                continue;
            }
            for (int j = 0; j < s.length; j++) {
                ids[base + j] = s[j];
                mask[base + j] = 1f;
            }
        }
        return new INDArray[] {
            Nd4j.create(ids, new long[] {n, maxLen}, DataType.FLOAT),
            Nd4j.create(mask, new long[] {n, maxLen}, DataType.FLOAT)
        };
    }
}
