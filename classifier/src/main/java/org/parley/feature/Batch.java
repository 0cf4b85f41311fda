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

    /** Inputs {deep ids, wide ids} and their masks, in the order the network declares them. */
    public record Inputs(INDArray[] features, INDArray[] masks) {}

    public static Inputs of(List<TextFeatures> texts) {
        INDArray[] deep = padded(texts, TextFeatures::deep);
        INDArray[] wide = padded(texts, TextFeatures::wide);
        return new Inputs(new INDArray[] {deep[0], wide[0]}, new INDArray[] {deep[1], wide[1]});
    }

    /** [0] = ids as float (what EmbeddingSequenceLayer takes), [1] = mask; both [n, maxLen]. */
    static INDArray[] padded(List<TextFeatures> texts, Function<TextFeatures, int[]> part) {
        int n = texts.size();
        int maxLen = 1;
        for (TextFeatures t : texts) maxLen = Math.max(maxLen, part.apply(t).length);
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
