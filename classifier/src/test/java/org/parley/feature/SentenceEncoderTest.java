package org.parley.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real pretrained encoders, loaded from their jars. */
class SentenceEncoderTest {
    @ParameterizedTest
    @ValueSource(strings = {SentenceEncoder.MINILM, SentenceEncoder.BGE})
    void vectorsAreUnitLengthOfTheDeclaredDimension(String name) {
        SentenceEncoder encoder = SentenceEncoder.shared(name);
        float[] v = encoder.encode("We can't bomb people into peace.");
        assertEquals(SentenceEncoder.DIMENSION, v.length);
        assertEquals(1.0, dot(v, v), 1e-4);
    }

    /** What the stance model relies on: paraphrases with no word in common sit close, unrelated texts far. */
    @ParameterizedTest
    @ValueSource(strings = {SentenceEncoder.MINILM, SentenceEncoder.BGE})
    void paraphrasesAreCloserThanUnrelatedTexts(String name) {
        SentenceEncoder encoder = SentenceEncoder.shared(name);
        float[] strike = encoder.encode("military action against Syria");
        float[] paraphrase = encoder.encode("bombing the Assad regime");
        float[] unrelated = encoder.encode("my cat sleeps all afternoon");
        assertTrue(dot(strike, paraphrase) > dot(strike, unrelated) + 0.2,
                "paraphrase " + dot(strike, paraphrase) + ", unrelated " + dot(strike, unrelated));
    }

    @ParameterizedTest
    @ValueSource(strings = {SentenceEncoder.MINILM, SentenceEncoder.BGE})
    void encodeDistinctEncodesEachTextOnceAndMatchesOneByOne(String name) {
        SentenceEncoder encoder = SentenceEncoder.shared(name);
        Map<String, float[]> all = encoder.encodeDistinct(List.of("i love plums", "i hate plums", "i love plums"));
        assertEquals(List.of("i love plums", "i hate plums"), List.copyOf(all.keySet()));
        assertArrayEquals(encoder.encode("i hate plums"), all.get("i hate plums"), 1e-5f);
        assertArrayEquals(encoder.encode("i love plums"), all.get("i love plums"), 1e-5f);
        assertTrue(dot(all.get("i love plums"), all.get("i hate plums")) < 0.999, "different texts give different vectors");
    }

    @Test
    void oneEncoderPerNameAndProcess() {
        SentenceEncoder encoder = SentenceEncoder.shared(SentenceEncoder.MINILM);
        assertSame(encoder, SentenceEncoder.shared(SentenceEncoder.MINILM));
        assertEquals(SentenceEncoder.MINILM, encoder.name());
        assertEquals(SentenceEncoder.BGE, SentenceEncoder.shared(SentenceEncoder.BGE).name());
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes() {
        String message = assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.shared("e5-small-v2")).getMessage();
        assertTrue(message.contains("e5-small-v2") && message.contains(SentenceEncoder.MINILM) && message.contains(SentenceEncoder.BGE), message);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
