package org.parley.feature;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Id sequences padded to the longest one in the batch, with the mask that tells the pooling
 * layers which positions are real. A text with no ids gets one unknown-word id, so every row
 * has at least one real position (pooling over nothing would divide by zero).
 */
public final class Batch {
    private Batch() {}

    /** [0] = ids as float (what EmbeddingSequenceLayer takes), [1] = mask; both [n, maxLen]. */
    public static INDArray[] of(List<int[]> sequences) {
        int n = sequences.size();
        int maxLen = 1;
        for (int[] s : sequences) maxLen = Math.max(maxLen, s.length);
        float[] ids = new float[n * maxLen];
        float[] mask = new float[n * maxLen];
        for (int i = 0; i < n; i++) {
            int[] s = sequences.get(i);
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
