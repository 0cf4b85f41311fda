package org.parley.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
    void encodeDistinctEncodesEachTextOnceAndMatchesOneByOne() {
        Map<String, float[]> all = encoder.encodeDistinct(List.of("i love plums", "i hate plums", "i love plums"));
        assertEquals(List.of("i love plums", "i hate plums"), List.copyOf(all.keySet()));
        assertArrayEquals(encoder.encode("i hate plums"), all.get("i hate plums"), 1e-5f);
        assertArrayEquals(encoder.encode("i love plums"), all.get("i love plums"), 1e-5f);
        assertTrue(dot(all.get("i love plums"), all.get("i hate plums")) < 0.999, "different texts give different vectors");
    }

    /** The model refuses a text without a token it reads; a comment or target of such characters must still get a vector. */
    @Test
    void textsWithNothingToReadGetZerosAndTheRestOfTheirBatchItsOwnVectors() {
        List<String> unreadable = List.of("\ufffd\ufffd\ufffd", "\u200b", "\u0001\u0002", "\u0301", " ", "");
        List<String> texts = new java.util.ArrayList<>(unreadable);
        texts.add(1, "i love plums");
        Map<String, float[]> all = encoder.encodeDistinct(texts);
        for (String t : unreadable) {
            assertArrayEquals(new float[SentenceEncoder.DIMENSION], all.get(t), t.codePoints().boxed().toList().toString());
            assertArrayEquals(new float[SentenceEncoder.DIMENSION], encoder.encode(t));
        }
        assertArrayEquals(encoder.encode("i love plums"), all.get("i love plums"), 1e-5f);
        assertEquals(1.0, dot(all.get("i love plums"), all.get("i love plums")), 1e-4);
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
