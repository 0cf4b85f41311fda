package org.parley.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NgramTfIdfTest {
    private final NgramTfIdf v = NgramTfIdf.fit(List.of("x"), 1 << 20, () -> {});

    @Test
    void countsTheExpectedNgrams() {
        // "ab": words: "ab" (1 unigram). char_wb on " ab ": 2-grams " a","ab","b " (3), 3-grams " ab","ab " (2),
        // 4-gram " ab " (1) -> 7 occurrences, all distinct with overwhelming probability at 2^20 buckets.
        assertEquals(7, v.termFrequencies("ab").size());
        // "x" is no word (too short) but still gives char n-grams " x", "x ", " x ".
        assertEquals(3, v.termFrequencies("x").size());
        assertEquals(0, v.termFrequencies("").size());
        assertEquals(0, v.termFrequencies(" \t\n").size());
    }

    @Test
    void repeatsAreSublinearAndCaseIsIgnored() {
        NgramTfIdf.Row once = v.termFrequencies("Idiot");
        NgramTfIdf.Row thrice = v.termFrequencies("idiot idiot IDIOT");
        // The unigram "idiot" appears three times: 1 + ln 3.
        boolean found = false;
        for (float f : thrice.value()) if (Math.abs(f - (1 + Math.log(3))) < 1e-6) found = true;
        assertTrue(found);
        // Same n-gram set, plus the bigram "idiot idiot".
        assertEquals(once.size() + 1, thrice.size());
    }

    @Test
    void indicesAscendAndWordsPrecedeCharacters() {
        NgramTfIdf.Row row = v.termFrequencies("you are such an idiot, honestly!!");
        for (int k = 1; k < row.size(); k++) assertTrue(row.index()[k] > row.index()[k - 1]);
        int words = 0;
        for (int k = 0; k < row.size(); k++) {
            assertTrue(row.index()[k] >= 0 && row.index()[k] < v.dimension());
            if (v.isWord(row.index()[k])) words++;
        }
        assertEquals(6 + 5, words); // 6 words of length >= 2 ("you are such an idiot honestly") + 5 bigrams
    }

    @Test
    void rowsAreUnitLengthWithBalancedBlocks() {
        NgramTfIdf fitted = NgramTfIdf.fit(List.of("you idiot", "nice day", "have a nice day, friend"), 1 << 20, () -> {});
        NgramTfIdf.Row row = fitted.transform("what a nice idiot");
        double word = 0, chars = 0;
        for (int k = 0; k < row.size(); k++) {
            double x = row.value()[k];
            if (fitted.isWord(row.index()[k])) word += x * x;
            else chars += x * x;
        }
        assertEquals(0.5, word, 1e-6);
        assertEquals(0.5, chars, 1e-6);
        // Only character n-grams: the one block carries the whole norm.
        NgramTfIdf.Row x = fitted.transform("a");
        double norm = 0;
        for (float f : x.value()) norm += f * f;
        assertEquals(1.0, norm, 1e-6);
    }

    @Test
    void rarerTermsWeighMore() {
        NgramTfIdf fitted = NgramTfIdf.fit(List.of("the cat", "the dog", "the cow"), 1 << 20, () -> {});
        NgramTfIdf.Row row = fitted.transform("the cat");
        int the = v.termFrequencies("the").index()[0], cat = v.termFrequencies("cat").index()[0];
        float theWeight = Float.NaN, catWeight = Float.NaN;
        for (int k = 0; k < row.size(); k++) {
            if (row.index()[k] == the) theWeight = row.value()[k];
            if (row.index()[k] == cat) catWeight = row.value()[k];
        }
        assertTrue(catWeight > theWeight, catWeight + " vs " + theWeight);
    }

    @Test
    void aStoredIdfGivesTheSameRows() {
        NgramTfIdf fitted = NgramTfIdf.fit(List.of("you idiot", "nice day"), 1 << 12, () -> {});
        NgramTfIdf reloaded = NgramTfIdf.withIdf(fitted.idf());
        assertArrayEquals(fitted.transform("what an idiot").value(), reloaded.transform("what an idiot").value());
        assertArrayEquals(fitted.transform("what an idiot").index(), reloaded.transform("what an idiot").index());
    }

    @Test
    void bucketsMustBeAPowerOfTwo() {
        var e = assertThrows(IllegalArgumentException.class, () -> NgramTfIdf.withIdf(new float[100]));
        assertEquals("buckets must be a power of two in [16, 2^28], was 100", e.getMessage());
    }

    @Test
    void theRadixSortSortsLikeArraysSort() {
        java.util.Random r = new java.util.Random(5);
        for (NgramTfIdf t : List.of(v, NgramTfIdf.fit(List.of("x"), 16, () -> {}), NgramTfIdf.fit(List.of("x"), 1 << 23, () -> {}))) {
            for (int n : new int[] {0, 1, 63, 64, 700, 5000}) {
                int[] a = r.ints(n, 0, t.dimension()).toArray();
                int[] expected = a.clone();
                java.util.Arrays.sort(expected);
                assertArrayEquals(expected, t.sorted(a), t.dimension() + " buckets, " + n + " values");
            }
        }
    }

    /** Each thread hashes into buffers it keeps and grows: a longer text than any before must come out whole. */
    @Test
    void textsOfGrowingAndShrinkingLengthKeepAllTheirNgrams() {
        for (int words : new int[] {1, 40, 3000, 7, 30000, 2}) {
            String text = "You are an ID1OT, honestly. ".repeat(words);
            int[] unsorted = unsorted(v, text);
            java.util.Arrays.sort(unsorted);
            assertArrayEquals(unsorted, v.occurrences(text), words + " words");
            assertEquals(java.util.Arrays.stream(unsorted).distinct().count(), v.termFrequencies(text).size(), words + " words");
        }
    }

    @Test
    void runsFoldSortedValuesIntoDistinctOnesAndWhereEachRunEnds() {
        java.util.Random r = new java.util.Random(5);
        for (int n : new int[] {0, 1, 2, 3, 17, 500}) {
            for (int range : new int[] {1, 3, 50, 1 << 20}) {
                int[] a = r.ints(n, 0, range).sorted().toArray();
                int[] expectedValues = java.util.Arrays.stream(a).distinct().toArray();
                int[] expectedEnds = new int[expectedValues.length];
                for (int k = 0, j = 0; k < n; k++) if (k == n - 1 || a[k + 1] != a[k]) expectedEnds[j++] = k;
                int[] ends = new int[n];
                int runs = NgramTfIdf.runs(a, n, ends);
                String what = n + " values in [0, " + range + ")";
                assertArrayEquals(expectedValues, java.util.Arrays.copyOf(a, runs), what);
                assertArrayEquals(expectedEnds, java.util.Arrays.copyOf(ends, runs), what);
            }
        }
        int[] extremes = {0, 0, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] ends = new int[extremes.length];
        assertEquals(3, NgramTfIdf.runs(extremes, extremes.length, ends));
        assertArrayEquals(new int[] {1, 2, 4}, java.util.Arrays.copyOf(ends, 3));
    }

    /** A thread that met one very long text does not keep its buffers; ordinary texts reuse theirs. */
    @Test
    void buffersGrownByAVeryLongTextAreDroppedAfterIt() {
        NgramTfIdf.Scratch s = NgramTfIdf.scratch();
        long kept = 2L * (9 * NgramTfIdf.Scratch.KEPT_CHARS + 16) + 2L * NgramTfIdf.Scratch.KEPT_CHARS + 2;
        long fresh = 2L * NgramTfIdf.Scratch.GRAMS + 2L * NgramTfIdf.Scratch.CHARS + 2; // grams, spare, text, padded
        String longText = "You are an ID1OT, honestly. ".repeat(800); // 22,400 chars
        String shortText = "You are an ID1OT, honestly. ".repeat(100); // 2,800 chars: kept
        for (String text : new String[] {longText, shortText, longText}) {
            NgramTfIdf.Row before = v.transform(text);
            assertTrue(s.held() <= kept, s.held() + " ints and chars held after " + text.length() + " chars");
            if (text == longText) assertEquals(fresh, s.held(), "back to the first sizes after a very long text");
            else assertTrue(s.held() > fresh, "grown for a 2,800-char text, and kept: " + s.held());
            int[] grams = s.grams;
            NgramTfIdf.Row again = v.transform(text);
            assertArrayEquals(before.index(), again.index());
            assertArrayEquals(before.value(), again.value());
            if (text == shortText) assertTrue(grams == s.grams, "the buffers of a 2,800-char text are kept");
            assertArrayEquals(before.index(), v.termFrequencies(text).index());
        }
        int[] sorted = unsorted(v, longText);
        assertEquals(fresh, s.held(), "after the unsorted n-grams of a very long text");
        java.util.Arrays.sort(sorted);
        assertArrayEquals(sorted, v.occurrences(longText));
        assertEquals(fresh, s.held(), "after its occurrences");
    }

    private static int[] unsorted(NgramTfIdf v, String text) {
        IntBuffer into = new IntBuffer(0);
        into.add(-1); // what the buffer held before stays, first
        v.unsorted(text, into);
        int[] all = into.toArray();
        assertEquals(-1, all[0]);
        return java.util.Arrays.copyOfRange(all, 1, all.length);
    }
}
