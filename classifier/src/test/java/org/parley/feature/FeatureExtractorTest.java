package org.parley.feature;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeatureExtractorTest {
    private final Vocabulary vocab = Vocabulary.of(List.of("you", "are", "an", "idiot"));
    private final FeatureConfig config = new FeatureConfig(5, 100, 200, 3, 5, 1024, 1);
    private final FeatureExtractor fx = new FeatureExtractor(config, vocab,
            NgramTfIdf.fit(List.of("you are an idiot", "nice day"), 1024, () -> {}));

    private TextFeatures extract(List<String> tokens) {
        return fx.extract(String.join(" ", tokens), tokens);
    }

    @Test
    void knownWordsGetWordAndBigramDeepIdsOnly() {
        int[] ids = extract(List.of("you", "are", "an", "idiot")).deep();
        // word, then each later word's bigram: you, are, (you are), an, (are an), idiot, (an idiot)
        assertEquals(7, ids.length);
        assertEquals(vocab.id("you"), ids[0]);
        assertEquals(vocab.id("are"), ids[1]);
        assertTrue(ids[2] >= vocab.size() && ids[2] < vocab.size() + 100, "bigram id in the bigram range");
    }

    @Test
    void unknownWordsAddCharacterNgramsInTheirOwnRange() {
        int[] ids = extract(List.of("idiots")).deep();
        assertEquals(Vocabulary.UNKNOWN, ids[0]);
        // "<idiots>" has 8 chars: 6 trigrams + 5 four-grams + 4 five-grams
        assertEquals(1 + 6 + 5 + 4, ids.length);
        int charStart = vocab.size() + 100;
        for (int i = 1; i < ids.length; i++) assertTrue(ids[i] >= charStart && ids[i] < fx.idSpace());
    }

    @Test
    void wideIsTheTfIdfRowOfTheRawText() {
        TextFeatures f = fx.extract("You IDIOT", List.of("you", "idiot"));
        NgramTfIdf.Row row = fx.tfIdf().transform("You IDIOT");
        assertArrayEquals(row.index(), Arrays.copyOf(f.wide(), row.size()));
        assertArrayEquals(row.value(), Arrays.copyOf(f.wideWeights(), row.size()));
        // and the intercept's feature, always 1
        assertEquals(fx.biasId(), f.wide()[row.size()]);
        assertEquals(1f, f.wideWeights()[row.size()]);
        assertEquals(row.size() + 1, f.wide().length);
        for (int id : f.wide()) assertTrue(id >= 0 && id < fx.wideSpace());
    }

    @Test
    void wideSettingsMustMatchTheTfIdf() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(config, vocab,
                NgramTfIdf.fit(List.of("x"), 2048, () -> {})));
        assertEquals("TF-IDF has 2048 features, the settings say 1024", e.getMessage());
    }

    @Test
    void similarSpellingsShareCharacterNgrams() {
        int[] a = Arrays.copyOfRange(extract(List.of("idiots")).deep(), 1, 16);
        int[] b = Arrays.copyOfRange(extract(List.of("idiotz")).deep(), 1, 16);
        long shared = Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).count();
        assertTrue(shared >= 5, "idiots/idiotz share <id, idi, dio, iot, ... but shared only " + shared);
    }

    @Test
    void placeholdersAndPunctuationGetNoNgrams() {
        assertEquals(1, extract(List.of("<url>")).deep().length);
    }

    @Test
    void idsAreDeterministicAndOrderSensitiveInBigrams() {
        assertArrayEquals(extract(List.of("you", "idiot")).wide(), extract(List.of("you", "idiot")).wide());
        assertNotEquals(extract(List.of("you", "idiot")).deep()[2], extract(List.of("idiot", "you")).deep()[2]);
    }

    @Test
    void truncatesToMaxTokens() {
        int[] ids = extract(List.of("you", "you", "you", "you", "you", "you", "you", "you")).deep();
        assertEquals(5 + 4, ids.length);
    }

    @Test
    void emptyTextGivesNoIdsAndBatchStillHasOnePosition() {
        assertEquals(0, extract(List.of()).deep().length);
        Batch.Inputs batch = Batch.of(List.of(extract(List.of()),
                new TextFeatures(new int[] {2, 3, 4}, new int[] {5, 9}, new float[] {0.6f, 0.8f})), 3);
        assertEquals(3, batch.features().length);
        assertArrayEquals(new long[] {2, 3}, batch.features()[0].shape());
        assertArrayEquals(new long[] {2, 2}, batch.features()[1].shape());
        // TF-IDF weights repeated once per output, 0 at padding.
        assertArrayEquals(new long[] {2, 3, 2}, batch.features()[2].shape());
        // the empty text still has its intercept feature, weight 1
        assertEquals(3 * (1f + 0.6f + 0.8f), batch.features()[2].sumNumber().floatValue(), 1e-5);
        assertEquals(0.8f, batch.features()[2].getFloat(1, 2, 1), 1e-6);
        assertEquals(1f, batch.masks()[0].getFloat(0, 0));
        assertEquals(0f, batch.masks()[0].getFloat(0, 1));
        assertEquals(4f, batch.masks()[0].sumNumber().floatValue());
    }

    @Test
    void eachCallHandsOutItsOwnIdsThoughTheThreadReusesItsBuffer() {
        List<String> shortText = List.of("you", "idiots");
        int[] first = fx.deepIds(shortText), kept = first.clone();
        fx.deepIds(List.of("are", "an", "idiotic", "moronic", "fool"));
        assertArrayEquals(kept, first, "a later call left an earlier result alone");
        assertEquals(1 + 1 + 1 + 15, first.length, "exactly the ids, no spare room");
        assertArrayEquals(first, fx.deepIds(shortText));
        assertNotSame(first, fx.deepIds(shortText));
    }

    @Test
    void idsPastTheKeptBufferComeWholeAndTheThreadKeepsNoMoreThanItsBuffer() {
        int[] shortIds = fx.deepIds(List.of("you", "idiots"));
        String word = "x".repeat(10_000);
        int[] ids = fx.deepIds(List.of(word, "you"));
        // the word, its 3- to 5-grams on "<word>", then "you" and its bigram
        int length = word.length() + 2;
        assertEquals(1 + (length - 2) + (length - 3) + (length - 4) + 2, ids.length);
        assertEquals(Vocabulary.UNKNOWN, ids[0]);
        assertEquals(vocab.id("you"), ids[ids.length - 2]);
        assertTrue(FeatureExtractor.DEEP_IDS.capacity() <= 1 << 13, FeatureExtractor.DEEP_IDS.capacity() + " ints kept");
        assertArrayEquals(ids, fx.deepIds(List.of(word, "you")));
        assertArrayEquals(shortIds, fx.deepIds(List.of("you", "idiots")));
    }

    /**
     * The deep ids as numbers, not only as ranges: a shipped bundle's embeddings are indexed by them, so a change to the
     * hashing would change every score without failing a range check (a mutation run, fifty-fifth session, changed
     * Murmur3's shifts and the n-grams' seeds unseen). The expected ids were computed apart from this code, by a short
     * Python reading of the scheme: Java's string hash from the seed, Murmur3's fmix32, floorMod into the buckets,
     * bigrams from the previous hash × 31 plus this one, and n-grams of "<word>" from seed ^ n.
     */
    @Test
    void deepIdsAreTheDocumentedHashes() {
        assertEquals(0, FeatureExtractor.mix(0));
        assertEquals(0x514E28B7, FeatureExtractor.mix(1), "Murmur3's fmix32(1)");
        assertEquals(-2114883783, FeatureExtractor.mix(-1));
        assertEquals(-478359108, FeatureExtractor.mix(0x12345678));
        assertEquals(List.of(2, 3, 4, 5), List.of(vocab.id("you"), vocab.id("are"), vocab.id("an"), vocab.id("idiot")));
        assertArrayEquals(new int[] {2, 3, 64, 4, 27, 5, 17}, fx.deepIds(List.of("you", "are", "an", "idiot")));
        // maxTokens 5 keeps five; an unknown word's n-grams of 3 to 5 chars; none for a placeholder, for punctuation, or
        // for "x", whose one n-gram would be the whole padded word.
        assertArrayEquals(new int[] {2, 1, 87, 115, 242, 180, 199, 141, 217, 205, 258, 270, 145, 179, 167, 173, 191, 228, 1, 81, 1, 103, 1, 33},
                fx.deepIds(List.of("you", "idiots", "<url>", "!", "x", "an")));
        assertArrayEquals(new int[] {1}, fx.deepIds(List.of("?!")), "punctuation of two chars: no n-grams either");
        FeatureExtractor wordsOnly = new FeatureExtractor(new FeatureConfig(5, 0, 0, 3, 5, 1024, 1), vocab, fx.tfIdf());
        assertArrayEquals(new int[] {2, 1}, wordsOnly.deepIds(List.of("you", "idiots")), "no buckets: no bigrams, no n-grams");
        assertEquals(1024, fx.biasId(), "the intercept's id follows the wide buckets");
        assertEquals(1025, fx.wideSpace());
    }
}
