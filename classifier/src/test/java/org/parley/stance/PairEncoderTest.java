package org.parley.stance;

import org.junit.jupiter.api.Test;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ids a pair's texts become, in the layout the class comment gives: a bundle's network only makes sense with the ids
 * it was trained on, so a change to any part of the layout (offsets, the bigram's hash, the padded n-grams, the cut) is a
 * change to every shipped stance bundle's input.
 */
class PairEncoderTest {
    private static final int BIGRAMS = 64, CHARS = 32, SEED = 7;
    private static final PairFeatureConfig CONFIG = new PairFeatureConfig(3, 2, 500, 1, BIGRAMS, CHARS, 3, 4, SEED);
    private static final PairEncoder ENCODER = new PairEncoder(CONFIG, Vocabulary.of(List.of("i", "love")));

    private static int h(String s) {
        return FeatureExtractor.mix(s.hashCode() ^ SEED);
    }

    /** The bigram a token ends: after the 4 word ids (padding, unknown, "i", "love"). */
    private static int bigram(String previous, String token) {
        return 4 + Math.floorMod(FeatureExtractor.mix(h(previous) * 31 + h(token)), BIGRAMS);
    }

    /** A character n-gram of a word outside the vocabulary: after the bigram buckets. */
    private static int chars(String gram) {
        return 4 + BIGRAMS + Math.floorMod(h(gram), CHARS);
    }

    @Test
    void aTextIsItsWordIdsEachTokensBigramAndTheCharNgramsOfUnknownWordsCutAtItsLimit() {
        List<Integer> expected = new ArrayList<>(List.of(2, 3, bigram("i", "love"), Vocabulary.UNKNOWN, bigram("love", "grapes")));
        for (String gram : List.of("<gr", "gra", "rap", "ape", "pes", "es>", "<gra", "grap", "rape", "apes", "pes>")) expected.add(chars(gram));
        assertEquals(expected, IntStream.of(ENCODER.text(List.of("i", "love", "grapes", "cut"))).boxed().toList(), "the fourth token is past the text's 3");
        assertEquals(100, ENCODER.idSpace());
        for (int id : ENCODER.text(List.of("i", "love", "grapes"))) assertTrue(id >= 0 && id < ENCODER.idSpace(), "id " + id);
    }

    @Test
    void anUnknownWordOfOneCharHasNoCharNgramsAndTheContextHasItsOwnLimit() {
        assertEquals(List.of(Vocabulary.UNKNOWN, Vocabulary.UNKNOWN, bigram("x", "y")), IntStream.of(ENCODER.context(List.of("x", "y", "z"))).boxed().toList());
        assertEquals(List.of(), IntStream.of(ENCODER.context(List.of())).boxed().toList());
    }
}
