package org.parley.feature;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorTest {
    private final Vocabulary vocab = Vocabulary.of(List.of("you", "are", "an", "idiot"));
    private final FeatureConfig config = new FeatureConfig(5, 100, 200, 3, 5, 1000, 1);
    private final FeatureExtractor fx = new FeatureExtractor(config, vocab);

    @Test
    void knownWordsGetWordAndBigramDeepIdsOnly() {
        int[] ids = fx.extract(List.of("you", "are", "an", "idiot")).deep();
        // word, then each later word's bigram: you, are, (you are), an, (are an), idiot, (an idiot)
        assertEquals(7, ids.length);
        assertEquals(vocab.id("you"), ids[0]);
        assertEquals(vocab.id("are"), ids[1]);
        assertTrue(ids[2] >= vocab.size() && ids[2] < vocab.size() + 100, "bigram id in the bigram range");
    }

    @Test
    void unknownWordsAddCharacterNgramsInTheirOwnRange() {
        int[] ids = fx.extract(List.of("idiots")).deep();
        assertEquals(Vocabulary.UNKNOWN, ids[0]);
        // "<idiots>" has 8 chars: 6 trigrams + 5 four-grams + 4 five-grams
        assertEquals(1 + 6 + 5 + 4, ids.length);
        int charStart = vocab.size() + 100;
        for (int i = 1; i < ids.length; i++) assertTrue(ids[i] >= charStart && ids[i] < fx.idSpace());
    }

    @Test
    void wideIdsCoverEveryWordsNgramsWithinTheWideSpace() {
        TextFeatures f = fx.extract(List.of("you", "idiot"));
        // you: 1 word + <yo, you, ou> (3) + <you, you> (2), the whole "<you>" being the word's job;
        // idiot: 1 word + 1 bigram + 5 trigrams + 4 four-grams + 3 five-grams
        assertEquals(1 + 3 + 2 + 1 + 1 + 5 + 4 + 3, f.wide().length);
        for (int id : f.wide()) assertTrue(id >= 0 && id < fx.wideSpace());
    }

    @Test
    void similarSpellingsShareCharacterNgrams() {
        int[] a = Arrays.copyOfRange(fx.extract(List.of("idiots")).deep(), 1, 16);
        int[] b = Arrays.copyOfRange(fx.extract(List.of("idiotz")).deep(), 1, 16);
        long shared = Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).count();
        assertTrue(shared >= 5, "idiots/idiotz share <id, idi, dio, iot, ... but shared only " + shared);
    }

    @Test
    void placeholdersAndPunctuationGetNoNgrams() {
        assertEquals(1, fx.extract(List.of("<url>")).deep().length);
        assertEquals(1, fx.extract(List.of("!!")).wide().length);
    }

    @Test
    void idsAreDeterministicAndOrderSensitiveInBigrams() {
        assertArrayEquals(fx.extract(List.of("you", "idiot")).wide(), fx.extract(List.of("you", "idiot")).wide());
        assertNotEquals(fx.extract(List.of("you", "idiot")).deep()[2], fx.extract(List.of("idiot", "you")).deep()[2]);
    }

    @Test
    void truncatesToMaxTokens() {
        int[] ids = fx.extract(List.of("you", "you", "you", "you", "you", "you", "you", "you")).deep();
        assertEquals(5 + 4, ids.length);
    }

    @Test
    void emptyTextGivesNoIdsAndBatchStillHasOnePosition() {
        assertEquals(0, fx.extract(List.of()).deep().length);
        Batch.Inputs batch = Batch.of(List.of(fx.extract(List.of()), new TextFeatures(new int[] {2, 3, 4}, new int[] {5})));
        assertEquals(2, batch.features().length);
        assertArrayEquals(new long[] {2, 3}, batch.features()[0].shape());
        assertArrayEquals(new long[] {2, 1}, batch.features()[1].shape());
        assertEquals(1f, batch.masks()[0].getFloat(0, 0));
        assertEquals(0f, batch.masks()[0].getFloat(0, 1));
        assertEquals(4f, batch.masks()[0].sumNumber().floatValue());
    }
}
