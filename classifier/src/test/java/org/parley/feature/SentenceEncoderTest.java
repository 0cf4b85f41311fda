package org.parley.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real pretrained encoder, loaded from its jar. */
class SentenceEncoderTest {
    private final SentenceEncoder encoder = SentenceEncoder.shared();

    @Test
    void vectorsAreUnitLengthOfTheDeclaredDimension() {
        float[] v = encoder.encode("We can't bomb people into peace.");
        assertEquals(SentenceEncoder.DIMENSION, v.length);
        assertEquals(1.0, dot(v, v), 1e-4);
    }

    /** What the stance model relies on: paraphrases with no word in common sit close, unrelated texts far. */
    @Test
    void paraphrasesAreCloserThanUnrelatedTexts() {
        float[] strike = encoder.encode("military action against Syria");
        float[] paraphrase = encoder.encode("bombing the Assad regime");
        float[] unrelated = encoder.encode("my cat sleeps all afternoon");
        assertTrue(dot(strike, paraphrase) > dot(strike, unrelated) + 0.2,
                "paraphrase " + dot(strike, paraphrase) + ", unrelated " + dot(strike, unrelated));
    }

    @Test
    void encodeAllKeepsTheOrderAndMatchesOneByOne() {
        List<String> texts = List.of("i love plums", "i hate plums", "i love plums");
        float[][] all = encoder.encodeAll(texts);
        assertEquals(3, all.length);
        assertArrayEquals(encoder.encode("i hate plums"), all[1], 1e-5f);
        assertArrayEquals(all[0], all[2]);
        assertTrue(dot(all[0], all[1]) < 0.999, "different texts give different vectors");
    }

    @Test
    void oneEncoderPerProcess() {
        assertSame(encoder, SentenceEncoder.shared());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
