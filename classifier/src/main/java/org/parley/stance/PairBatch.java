package org.parley.stance;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.feature.Vocabulary;

/**
 * The four inputs of {@link PairNetwork} for a batch: the two id sequences laid side by side
 * ([text ids | context ids], padded), for each text the averaging weights over those positions,
 * and a 0/1 mask of the comment's positions for max pooling, repeated across the embedding width (DL4J's element-wise vertices do not broadcast).
 * An empty text counts as one unknown word, so no average is taken over nothing.
 */
final class PairBatch {
    private PairBatch() {}

    record Encoded(int[] text, int[] context) {
        int length() {
            return Math.max(1, text.length) + Math.max(1, context.length);
        }
    }

    static INDArray[] inputs(List<Encoded> pairs, int embedding) {
        int n = pairs.size();
        int textLen = 1, contextLen = 1;
        for (Encoded p : pairs) {
            textLen = Math.max(textLen, p.text().length);
            contextLen = Math.max(contextLen, p.context().length);
        }
        int len = textLen + contextLen;
        float[] ids = new float[n * len];
        float[] textW = new float[n * len];
        float[] contextW = new float[n * len];
        float[] textMask = new float[n * len];
        for (int i = 0; i < n; i++) {
            fill(pairs.get(i).text(), ids, textW, i * len);
            fill(pairs.get(i).context(), ids, contextW, i * len + textLen);
            for (int j = 0; j < Math.max(1, pairs.get(i).text().length); j++) textMask[i * len + j] = 1f;
        }
        INDArray idArray = Nd4j.create(ids, new long[] {n, len}, DataType.FLOAT);
        return new INDArray[] {idArray, spread(textW, n, len, embedding), spread(contextW, n, len, embedding),
                spread(textMask, n, len, embedding)};
    }

    private static void fill(int[] seq, float[] ids, float[] weights, int base) {
        if (seq.length == 0) {
            ids[base] = Vocabulary.UNKNOWN;
            weights[base] = 1f;
            return;
        }
        float w = 1f / seq.length;
        for (int j = 0; j < seq.length; j++) {
            ids[base + j] = seq[j];
            weights[base + j] = w;
        }
    }

    /** [n, len] weights → [n, embedding, len], the shape of the embedding layer's output. */
    private static INDArray spread(float[] w, int n, int len, int embedding) {
        INDArray row = Nd4j.create(w, new long[] {n, 1, len}, DataType.FLOAT);
        INDArray spread = row.repeat(1, embedding);
        if (spread != row) row.close(); // native memory, given back now (GraphOutput)
        return spread;
    }
}
