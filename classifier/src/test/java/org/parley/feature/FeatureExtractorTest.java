package org.parley.feature;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorTest {
    private final Vocabulary vocab = Vocabulary.of(List.of("you", "are", "an", "idiot"));
    private final FeatureConfig config = new FeatureConfig(5, 100, 200, 3, 5, 1);
    private final FeatureExtractor fx = new FeatureExtractor(config, vocab);

    @Test
    void knownWordsGetWordAndBigramIdsOnly() {
        int[] ids = fx.ids(List.of("you", "are", "an", "idiot"));
        // 4 word ids + 3 bigrams, no character n-grams for known words
        assertEquals(7, ids.length);
        assertEquals(vocab.id("you"), ids[0]);
        assertEquals(vocab.id("are"), ids[1]);
        assertTrue(ids[2] >= vocab.size() && ids[2] < vocab.size() + 100, "bigram id in the bigram range");
    }

    @Test
    void unknownWordsAddCharacterNgramsInTheirOwnRange() {
        int[] ids = fx.ids(List.of("idiots"));
        assertEquals(Vocabulary.UNKNOWN, ids[0]);
        // "<idiots>" has 8 chars: 6 trigrams + 5 four-grams + 4 five-grams
        assertEquals(1 + 6 + 5 + 4, ids.length);
        int charStart = vocab.size() + 100;
        for (int i = 1; i < ids.length; i++) assertTrue(ids[i] >= charStart && ids[i] < fx.idSpace());
    }

    @Test
    void similarSpellingsShareCharacterNgrams() {
        int[] a = Arrays.copyOfRange(fx.ids(List.of("idiots")), 1, 16);
        int[] b = Arrays.copyOfRange(fx.ids(List.of("idiotz")), 1, 16);
        long shared = Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).count();
        assertTrue(shared >= 5, "idiots/idiotz share <id, idi, dio, iot, ... but shared only " + shared);
    }

    @Test
    void placeholdersAndPunctuationGetNoNgrams() {
        assertEquals(1, fx.ids(List.of("<url>")).length);
        assertEquals(1, fx.ids(List.of("!!")).length);
    }

    @Test
    void idsAreDeterministicAndOrderSensitiveInBigrams() {
        assertArrayEquals(fx.ids(List.of("you", "idiot")), fx.ids(List.of("you", "idiot")));
        assertNotEquals(fx.ids(List.of("you", "idiot"))[2], fx.ids(List.of("idiot", "you"))[2]);
    }

    @Test
    void truncatesToMaxTokens() {
        int[] ids = fx.ids(List.of("you", "you", "you", "you", "you", "you", "you", "you"));
        assertEquals(5 + 4, ids.length);
    }

    @Test
    void emptyTextGivesNoIdsAndBatchStillHasOnePosition() {
        assertEquals(0, fx.ids(List.of()).length);
        var batch = Batch.of(List.of(new int[0], new int[] {2, 3, 4}));
        assertArrayEquals(new long[] {2, 3}, batch[0].shape());
        assertEquals(1f, batch[1].getFloat(0, 0));
        assertEquals(0f, batch[1].getFloat(0, 1));
        assertEquals(3f, batch[1].sumNumber().floatValue() - 1f);
    }
}
